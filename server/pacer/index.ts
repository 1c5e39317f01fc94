/**
 * PACER parsers: docket reports, court RSS feeds and Notices of Electronic Filing, giving the
 * same objects as the Free Law Project's juriscraper (see ../shared/fixtures/pacer/README.md).
 * Pure functions of their input: no database, no network, no Fastify.
 */
export { decodePacerBytes } from "./decode";
export { detectPacerKind, explainRejection, looksLikeLoginPage } from "./detect";
export { parseDocketReport } from "./docket-report";
export { MAX_PACER_INPUT_BYTES, PacerInputError } from "./errors";
export { looksLikeMimeMessage } from "./nef-mime";
export { parseNef } from "./parse-nef";
export { parseRssFeed } from "./rss-feed";
export type * from "./types";
