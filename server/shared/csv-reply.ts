import type { FastifyReply } from "fastify";
import { stringify } from "csv-stringify/sync";

/** Sends rows as an RFC 4180 CSV download (csv-stringify quotes what needs quoting), its header first. */
export function sendCsv(reply: FastifyReply, fileName: string, header: readonly string[], rows: string[][]) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("Content-Disposition", `attachment; filename="${fileName}"`)
    .send(stringify([[...header], ...rows]));
}

/** The source tags behind a record, for a CSV cell ("S01; S14"). */
export function sourceTags(citations: { source: { tag: string } }[]): string {
  return [...new Set(citations.map((c) => c.source.tag))].join("; ");
}
