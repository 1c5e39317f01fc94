import { eq } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "../../../db/client";
import { cases } from "../../../db/schema";
import { loadConfig } from "../../config";
import { createEditService } from "../../editing/service";
import { fieldLabel, guardKindLabel } from "../../guard/findings";
import { paths } from "../../paths";
import { createRecordStore } from "../../records/store";
import { createGuardService, type RescanReport } from "../../review/service";
import { systemClock } from "../../shared/clock";
import { EXIT, parseFlags, UsageError, type CliCommand } from "../command";

const USAGE = `quash guard rescan

Passes every stored record through the publication guard again, with the detector and the
never-publish lists as they are now, in one transaction. What it now finds is held for staff
review (/staff/review), unless a person already released or redacted that very finding. It
prints where each finding is (record, field, characters), never the text itself.`;

/** "entry 12 of case doe-v-dhs: Social Security number in description (characters 26–35); …" */
function heldLine(db: Db, held: RescanReport["held"][number]): string {
  const slug = held.caseId === null ? null : db.select({ slug: cases.slug }).from(cases).where(eq(cases.id, held.caseId)).get()?.slug;
  const places = held.findings.map((f) => `${guardKindLabel(f.kind).label} in ${fieldLabel(f.field)} (characters ${f.start + 1}–${f.end})`);
  return `held ${held.type} ${held.id}${slug ? ` of case ${slug}` : ""}: ${places.join("; ")}`;
}

export const guardCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional } = parseFlags(args, {});
    const [action, ...extra] = positional;
    if (action !== "rescan") throw new UsageError(action ? `unknown action "${action}"` : "missing action (rescan)");
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const config = loadConfig(io.env);
    const db = openDatabase(config.databaseFile);
    try {
      const store = createRecordStore(db, systemClock);
      const guard = createGuardService({ db, store, clock: systemClock, editing: createEditService({ db, store, clock: systemClock }) });
      const report = guard.rescanAll({ userId: null, label: "guard rescan by cli" });
      for (const held of report.held) io.stdout(heldLine(db, held));
      const already = report.stillHeld ? `; ${report.stillHeld} already held` : "";
      io.stdout(`Scanned ${report.scanned} records: ${report.held.length} newly held${already}.${report.held.length + report.stillHeld ? ` Review them at ${paths.staffReview()}.` : ""}`);
      return EXIT.ok;
    } finally {
      closeDatabase(db);
    }
  },
};
