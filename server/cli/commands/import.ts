import { keepOutboxInStep } from "../../alerts/outbox";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { closeDatabase, openDatabase } from "../../../db/client";
import { CASE_GROUPS } from "../../../db/schema";
import { loadConfig } from "../../config";
import { createGuardRepository } from "../../guard/repository";
import { DEFAULT_IMPORT_GROUP, PUBLISH_NEEDS_GROUP, type CaseGroup } from "../../imports/context";
import { importSizeLimit, tooLargeMessage } from "../../imports/input";
import type { ImportOutcome } from "../../imports/report";
import { reportLines } from "../../imports/report-text";
import { importPacerFiles, type PacerFile } from "../../imports/service";
import { systemClock } from "../../shared/clock";
import { EXIT, parseFlags, UsageError, type CliCommand } from "../command";
import { heldLine, REVIEW_HINT } from "../held-lines";

const USAGE = `quash import FILE... [--dry-run] [--court ID] [--group ${CASE_GROUPS.join("|")}] [--tracked-only] [--publish]

A FILE is a PACER docket report (HTML), a court RSS feed, a Notice of Electronic Filing, or a
docket as juriscraper's JSON (what \`quash parse docket\` prints), merged as the page would be.

New cases are not published (staff only, on /staff/unpublished) and in the group "unsorted"
unless --publish (with a --group other than unsorted) says otherwise.`;

type Loaded = { file: PacerFile } | { failed: ImportOutcome };

/** Reads one named file, refusing (without reading) one over the size limit. */
async function load(path: string, limit: number): Promise<Loaded> {
  const fileName = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { failed: { ok: false, fileName, sha256: null, error: "not a file" } };
    if (info.size > limit) return { failed: { ok: false, fileName, sha256: null, error: tooLargeMessage(info.size, limit) } };
    return { file: { bytes: await readFile(path), fileName } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      failed: {
        ok: false,
        fileName,
        sha256: null,
        error: code === "ENOENT" ? "no such file" : `cannot read it (${code ?? String(error)})`,
      },
    };
  }
}

export const importCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional, values, switches } = parseFlags(args, {
      values: ["court", "group"],
      switches: ["dry-run", "tracked-only", "publish"],
    });
    if (positional.length === 0) throw new UsageError("give at least one FILE");
    if (values.court !== undefined && !/^[a-z0-9]{2,8}$/.test(values.court)) {
      throw new UsageError(`--court takes a CM/ECF court id such as "cand" (got "${values.court}")`);
    }
    if (values.group !== undefined && !(CASE_GROUPS as readonly string[]).includes(values.group)) {
      throw new UsageError(`--group is one of ${CASE_GROUPS.join(", ")} (got "${values.group}")`);
    }
    if (switches.has("publish") && (values.group ?? DEFAULT_IMPORT_GROUP) === "unsorted") {
      throw new UsageError(`--group ${PUBLISH_NEEDS_GROUP}`);
    }
    const config = loadConfig(io.env);
    const limit = importSizeLimit(config.maxUploadBytes);
    const loaded = await Promise.all(positional.map((path) => load(path, limit)));
    const db = openDatabase(config.databaseFile);
    // What the import adds reaches subscribers as if it came through the server.
    keepOutboxInStep(db);
    let outcomes: ImportOutcome[];
    let held: string[];
    try {
      const guard = createGuardRepository(db);
      const lastHold = guard.lastHoldId();
      const files = loaded.flatMap((l) => ("file" in l ? [l.file] : []));
      const imported = await importPacerFiles(db, files, {
        actor: { userId: null, label: "cli" },
        clock: systemClock,
        dataDir: config.dataDir,
        dryRun: switches.has("dry-run"),
        courtId: values.court,
        group: values.group as CaseGroup | undefined,
        trackedCasesOnly: switches.has("tracked-only"),
        publish: switches.has("publish"),
        maxBytes: config.maxUploadBytes,
      });
      // Back in the order the files were named.
      outcomes = loaded.map((l) => ("failed" in l ? l.failed : imported.shift()!));
      // What the publication guard held of what was just imported: said by place, never by text.
      held = guard
        .openHoldsAfter(lastHold)
        .map((h) => heldLine(db, { type: h.recordType, id: h.recordId, caseId: h.caseId, findings: h.findings }));
    } finally {
      closeDatabase(db);
    }
    let failed = 0;
    for (const outcome of outcomes) {
      if (outcome.ok) {
        io.stdout(reportLines(outcome.report).join("\n"));
      } else {
        failed++;
        io.stderr(`${outcome.fileName}: not imported: ${outcome.error}`);
      }
    }
    for (const line of held) io.stdout(line);
    if (held.length > 0) io.stdout(REVIEW_HINT);
    if (switches.has("dry-run")) io.stdout("Dry run: nothing was saved.");
    if (failed > 0) io.stderr(refusalSummary(outcomes, switches.has("dry-run")));
    return failed > 0 ? EXIT.failure : EXIT.ok;
  },
};

/**
 * The closing line when some file was refused: which files were and were not imported, by name
 * ("Not imported: lunch.eml. Imported: cand_7.html, wvsd.xml."), never "the others" when there are none.
 */
export function refusalSummary(outcomes: ImportOutcome[], dryRun: boolean): string {
  const names = (list: ImportOutcome[]) => list.map((o) => (o.ok ? o.report.fileName : o.fileName)).join(", ");
  const refused = outcomes.filter((o) => !o.ok);
  const done = outcomes.filter((o) => o.ok);
  const verb = dryRun ? "checked" : "imported";
  if (done.length === 0)
    return refused.length === 1
      ? `Nothing was ${verb}: ${names(refused)} was refused (see above).`
      : `Nothing was ${verb}: all ${refused.length} files were refused (see above).`;
  return `Not ${verb} (${refused.length} of ${outcomes.length}): ${names(refused)}. ${dryRun ? "Checked" : "Imported"}: ${names(done)}.`;
}
