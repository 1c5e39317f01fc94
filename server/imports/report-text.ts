import { paths } from "../paths";
import { summariseAction, type ImportReport } from "./report";

/**
 * An import report as plain text, for `quash import`: one header line per file, what was
 * created, updated and left alone, then a line per record created or updated (citations are
 * counted, not listed), then the notes.
 */
export function reportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  const what = report.source?.title ?? `${report.kind} file`;
  if (report.status === "already-imported") {
    lines.push(`${report.fileName}: already imported as import #${report.previousImportId} (${what}); nothing changed.`);
    return lines;
  }
  const done = report.dryRun ? "dry run, nothing saved" : `import #${report.importId}`;
  lines.push(`${report.fileName}: ${what}, court ${report.courtId} (${done})`);
  for (const c of report.cases) {
    // An unpublished case has no public page yet: point to where staff review it.
    const where = c.published === false ? `not published, staff page ${paths.staffCase(c.slug)}` : paths.case(c.slug);
    lines.push(`  case ${c.docketNumber ?? c.label} (${c.label}): ${c.action}, ${where}`);
  }
  const created = summariseAction(report.counts, "created");
  const updated = summariseAction(report.counts, "updated");
  const unchanged = summariseAction(report.counts, "unchanged");
  lines.push(`  created: ${created || "nothing"}`);
  lines.push(`  updated: ${updated || "nothing"}`);
  lines.push(`  unchanged: ${unchanged || "nothing"}`);
  for (const change of report.changes) {
    if (change.action === "unchanged" || change.recordType === "fact_source") continue;
    lines.push(`    ${change.action === "created" ? "+" : "~"} ${change.description}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines;
}
