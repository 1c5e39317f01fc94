import { ConflictError } from "../../../errors";
import { defineRecord } from "../../definition";
import { SourceCreate, SourceUpdate } from "./schema";

// The source register: where facts come from.
// What the write service checks, derives and updates for this record type.

export const source = defineRecord({
  type: "source",
  plural: "sources",
  label: "source",
  tag: "sources",
  create: SourceCreate,
  update: SourceUpdate,
  unique: ["tag"],
  prepare(ctx, values, current) {
    if (current !== null || values.tag) return {};
    let n = 1;
    while (ctx.repo.valueTaken("source", "tag", `STAFF-${n}`, null)) n++;
    return { tag: `STAFF-${n}` };
  },
  beforeRemove(ctx, row) {
    const citations = ctx.repo.liveCitationsOfSource(row.id);
    if (citations > 0) {
      throw new ConflictError(`This source still backs ${citations} fact(s); remove or move those citations before deleting it.`);
    }
  },
});
