import { readDocketReport } from "./docket-report";
import { readNefBody } from "./nef";
import { looksLikeMimeMessage } from "./nef-mime";
import { readRssFeed } from "./rss-feed";
import type { PacerKind } from "./types";
import { DOCKET_REJECTIONS, findRejection, NEF_REJECTIONS } from "./validity";

/**
 * Telling the three kinds of PACER input apart (for the importer and `quash import`), and
 * saying in one line why an input the parsers answered `{}` for is not usable.
 */

const KIND_LABEL: Record<PacerKind, string> = {
  docket: "a PACER docket report",
  rss: "a PACER RSS feed",
  nef: "a Notice of Electronic Filing",
};

// Soft line breaks of quoted-printable bodies cut phrases in two ("Notice of Elec=\ntronic").
const SOFT_BREAK = /=\r?\n/g;
const NEF_MARKERS = /Notice of Electronic (Claims )?Filing|Notice of Docket Activity|Activity in Case|Docket Text:/i;
const DOCKET_MARKERS = /DOCKET FOR CASE #|Bankruptcy Petition #|Adversary Proceeding #|Docket Text|Date Filed:|DktRpt\.pl|MDL No\./i;

/** "docket", "rss" or "nef" for input that looks like one of them, else null. */
export function detectPacerKind(text: string): PacerKind | null {
  const head = text.slice(0, 4096);
  if (/<rss[\s>]/i.test(head) && /<channel[\s>]/i.test(text)) return "rss";
  const unwrapped = text.replace(SOFT_BREAK, "");
  if (looksLikeMimeMessage(text)) return NEF_MARKERS.test(unwrapped) ? "nef" : null;
  if (/Case Name:/.test(unwrapped) && NEF_MARKERS.test(unwrapped)) return "nef";
  if (DOCKET_MARKERS.test(text)) return "docket";
  return null;
}

/** A PACER or CM/ECF sign-in page (what a download gets after the session has expired). */
export function looksLikeLoginPage(text: string): boolean {
  return /<input\b[^>]*type\s*=\s*["']?password/i.test(text) || /csologin|login\.jsf|name\s*=\s*["']?loginForm/i.test(text);
}

/** Control characters other than tab/newline/carriage return/form feed: a binary file. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes("\u0000")) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > sample.length / 20;
}

function reasonFor(text: string, kind: PacerKind): string {
  if (text.trim() === "") return "the file is empty";
  if (looksBinary(text)) return "the file is binary, not text";
  if (looksLikeLoginPage(text)) return "looks like a PACER login page (the session had expired?)";
  const detected = detectPacerKind(text);
  if (detected !== null && detected !== kind) return `it looks like ${KIND_LABEL[detected]}`;
  const rule = findRejection(text, kind === "nef" ? NEF_REJECTIONS : DOCKET_REJECTIONS);
  if (rule && kind !== "rss") return rule;
  if (kind === "docket") return readDocketReport(text, "").reason ?? "no docket content found";
  if (kind === "rss") {
    try {
      return readRssFeed(text, "").reason ?? "no feed items found";
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  if (looksLikeMimeMessage(text)) {
    if (/^content-type:[ \t]*image\//im.test(text)) return "the e-mail carries an image (not a filing notice the reference accepts)";
    return "the e-mail is not a filing notice (no case table or docket text)";
  }
  return (
    readNefBody({ text, contentType: "text/html", subject: null, imageAttached: false }, "").reason ?? "no case table or docket text found"
  );
}

/**
 * One line saying why `text` is not a usable `kind`, e.g. "not a PACER docket report: looks
 * like a PACER login page". Meant for input a parser has just answered `{}` for.
 */
export function explainRejection(text: string, kind: PacerKind): string {
  return `not ${KIND_LABEL[kind]}: ${reasonFor(text, kind)}`;
}
