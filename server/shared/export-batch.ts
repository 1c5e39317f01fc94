/**
 * How many rows a streamed export (CSV, /api/v1/export.json) reads per query: it holds one batch
 * at a time, so its memory is bounded whatever the record's size (bench/export-csv.ts).
 */
export const EXPORT_BATCH = 500;
