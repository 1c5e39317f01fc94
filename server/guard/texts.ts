import type { Db } from "../../db/client";
import type { EditableType } from "../records/tables";

type Row = Record<string, unknown>;

/**
 * Text outside the public projection that still reaches the public: a document's PDF is
 * downloaded whole, so what its text layer says is published with it.
 */
export function privateTextsThatPublish(_db: Db, type: EditableType, row: Row): { field: string; text: string }[] {
  if (type === "document" && typeof row.extractedText === "string" && row.extractedText !== "") {
    return [{ field: "extractedText", text: row.extractedText }];
  }
  return [];
}
