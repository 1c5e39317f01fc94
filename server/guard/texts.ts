import type { Db } from "../../db/client";
import type { EditableType } from "../records/tables";
import { createGuardRepository } from "./repository";

type Row = Record<string, unknown>;

/**
 * Text outside the public projection that the guard reads too. A document's PDF is downloaded
 * whole, so what its text layer says is published with it. Its metadata (author, creator, XMP…)
 * is stripped from the download, but a filing whose author field names a pseudonymous movant
 * is one a person should look at before it goes out.
 */
export function privateTextsThatPublish(db: Db, type: EditableType, row: Row): { field: string; text: string }[] {
  if (type !== "document") return [];
  const texts: { field: string; text: string }[] = [];
  if (typeof row.extractedText === "string" && row.extractedText !== "") texts.push({ field: "extractedText", text: row.extractedText });
  if (typeof row.fileSha256 === "string") {
    const metadata = createGuardRepository(db).pdfMetadataOf(row.fileSha256) ?? {};
    for (const [name, value] of Object.entries(metadata))
      if (typeof value === "string" && value !== "") texts.push({ field: `pdfMetadata.${name}`, text: value });
  }
  return texts;
}
