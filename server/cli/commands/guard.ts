import { closeDatabase, openDatabase } from "../../../db/client";
import { loadConfig } from "../../config";
import { createEditService } from "../../editing/service";
import { paths } from "../../paths";
import { createRecordStore } from "../../records/store";
import { createGuardService } from "../../review/service";
import { systemClock } from "../../shared/clock";
import { EXIT, parseFlags, UsageError, type CliCommand } from "../command";
import { heldLine } from "../held-lines";

const USAGE = `quash guard rescan

Passes every stored record through the publication guard again, with the detector and the
never-publish lists as they are now, in one transaction. What it now finds is held for staff
review (/staff/review), unless a person already released or redacted that very finding. It
prints where each finding is (record, field, characters), never the text itself.`;

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
      io.stdout(
        `Scanned ${report.scanned} records: ${report.held.length} newly held${already}.${report.held.length + report.stillHeld ? ` Review them at ${paths.staffReview()}.` : ""}`,
      );
      return EXIT.ok;
    } finally {
      closeDatabase(db);
    }
  },
};
