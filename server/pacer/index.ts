export { decodePacerBytes } from "./decode";
export { parseDocketReport } from "./docket-report";
export { MAX_PACER_INPUT_BYTES, PacerInputError } from "./errors";
export type * from "./types";
export { parseRssFeed } from "./rss-feed";
export { parseNef } from "./parse-nef";
