import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  decodePacerBytes,
  explainRejection,
  PacerInputError,
  parseDocketReport,
  parseNef,
  parseRssFeed,
  type PacerKind,
} from "../../pacer";
import { loadConfig } from "../../config";
import { importSizeLimit, tooLargeMessage } from "../../imports/input";
import { EXIT, parseFlags, UsageError, type CliCommand, type CliIo } from "../command";

const KINDS: readonly PacerKind[] = ["docket", "rss", "nef"];

/** The court id a file name implies: its stem up to the first "_" (`cand_7.html` → `cand`). */
export function courtFromFileName(file: string): string {
  const name = basename(file);
  const dot = name.indexOf(".");
  return (dot === -1 ? name : name.slice(0, dot)).split("_")[0]!;
}

async function parseText(kind: PacerKind, text: string, courtId: string): Promise<unknown> {
  if (kind === "docket") return parseDocketReport(text, courtId);
  if (kind === "rss") return parseRssFeed(text, courtId);
  return parseNef(text, courtId);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** Parses one file; returns false when the file could not be read. */
async function parseFile(kind: PacerKind, file: string, court: string | undefined, io: CliIo): Promise<boolean> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    const limit = importSizeLimit(loadConfig(io.env).maxUploadBytes);
    if (info.isFile() && info.size > limit) {
      io.stdout("{}");
      io.stderr(`${file}: refused: ${tooLargeMessage(info.size, limit)} (MAX_UPLOAD_BYTES)`);
      return true;
    }
    bytes = await readFile(file);
  } catch (error) {
    io.stderr(`quash parse: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  const text = decodePacerBytes(bytes);
  try {
    const result = await parseText(kind, text, court ?? courtFromFileName(file));
    io.stdout(JSON.stringify(result, null, 2));
    if (isEmptyObject(result)) io.stderr(`${file}: ${explainRejection(text, kind)}`);
  } catch (error) {
    if (!(error instanceof PacerInputError)) throw error;
    io.stdout("{}");
    io.stderr(`${file}: refused: ${error.message}`);
  }
  return true;
}

export const parseCommand: CliCommand = {
  usage: "quash parse docket|rss|nef FILE... [--court ID]",
  async run(args, io) {
    const { positional, values } = parseFlags(args, { values: ["court"] });
    const [kind, ...files] = positional;
    if (!kind || !KINDS.includes(kind as PacerKind)) {
      throw new UsageError(kind ? `unknown kind "${kind}" (docket, rss or nef)` : "say what to parse: docket, rss or nef");
    }
    if (files.length === 0) throw new UsageError("give at least one file");
    if (values.court !== undefined && !/^[a-z0-9]{2,8}$/.test(values.court)) {
      throw new UsageError(`--court takes a PACER court id such as "cand" (got "${values.court}")`);
    }
    let code: number = EXIT.ok;
    for (const file of files) {
      if (!(await parseFile(kind as PacerKind, file, values.court, io))) code = EXIT.failure;
    }
    return code;
  },
};
