import { pipeline, Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { stringify } from "csv-stringify";
import { stringify as stringifyAll } from "csv-stringify/sync";

/** Sends rows as an RFC 4180 CSV download (csv-stringify quotes what needs quoting), its header first. */
export function sendCsv(reply: FastifyReply, fileName: string, header: readonly string[], rows: string[][]) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("Content-Disposition", `attachment; filename="${fileName}"`)
    .send(stringifyAll([[...header], ...rows]));
}

/**
 * Rows as an RFC 4180 CSV stream, the header first, for an export too long to hold: a row is
 * made only when csv-stringify's stream has room for it (Readable.from pulls no further than its
 * buffer), which it has only when the client has taken what came before; pipeline destroys
 * both if the client goes away.
 */
export function csvStream(header: readonly string[], rows: Iterable<string[]>): Readable {
  function* all() {
    yield [...header];
    yield* rows;
  }
  return pipeline(Readable.from(all()), stringify(), () => {});
}

/** Sends a CSV stream (csvStream) as a download. */
export function sendCsvStream(reply: FastifyReply, fileName: string, stream: Readable) {
  return reply.type("text/csv; charset=utf-8").header("Content-Disposition", `attachment; filename="${fileName}"`).send(stream);
}

/** The source tags behind a record, for a CSV cell ("S01; S14"). */
export function sourceTags(citations: { source: { tag: string } }[]): string {
  return [...new Set(citations.map((c) => c.source.tag))].join("; ");
}
