import type { ENTRY_KINDS, MOTION_KINDS } from "../../db/schema";

/**
 * Reading PACER's words: names compared loosely, what kind of entry a docket text is, whether it
 * says the entry is sealed, which motion it brings, who filed it. Pure functions, no database.
 */

/** Lower case, accents and punctuation dropped, whitespace collapsed: "J. Doe" and "j doe" compare equal. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .trim();
}

/** Docket text compared without case, punctuation or the clerk's "(Entered: …)" tail. */
export function normaliseText(text: string): string {
  return normaliseName(text.replace(/\((?:Entered|Filed on):?[^)]*\)/gi, ""));
}

/** True when `short` (an RSS or NEF short description) is said by `full` (the docket text). */
export function textContains(full: string, short: string): boolean {
  const needle = normaliseText(short);
  return needle.length > 0 && normaliseText(full).includes(needle);
}

type EntryKind = (typeof ENTRY_KINDS)[number];

// "MOTION…", "JOINT LETTER MOTION…", "Unopposed MOTION…", "NOTICE OF MOTION AND MOTION…"; not "Motion Hearing set".
const MOTION_PREFIX =
  /^(?:(?:joint|letter|stipulated|unopposed|consent|emergency|administrative|ex parte|renewed|amended|second|third|supplemental|notice of motion and)\s+)*motion\b(?!\s+hearing)/i;

// First words of the docket text, in CM/ECF's own vocabulary. Order matters: "NOTICE OF MOTION
// AND MOTION" is a motion, "ORDER granting MOTION" an order.
const KIND_PATTERNS: [RegExp, EntryKind][] = [
  [MOTION_PREFIX, "motion"],
  [/^(?:\w+\s+){0,2}(?:order|judgment)\b/i, "order"],
  [/^(?:memorandum (?:in )?)?(?:opposition|response)\b/i, "opposition"],
  [/^reply\b/i, "reply"],
  [/^(?:declaration|affidavit)\b/i, "declaration"],
  [/^(?:complaint|petition|amended complaint)\b/i, "complaint"],
  [/^(?:stipulation)\b/i, "stipulation"],
  [/^(?:minute entry|minute order|clerk'?s minutes|minutes)\b/i, "minute"],
  [/^(?:notice of (?:voluntary )?dismissal|dismissal)\b/i, "dismissal"],
  [/^(?:clerk'?s notice|notice)\b/i, "notice"],
  [/^(?:hearing|motion hearing|status conference|initial case management conference)\b/i, "hearing"],
];

/** What kind of docket line a text is, from its first words; "other" when unsure. */
export function entryKindFromText(text: string): EntryKind {
  const head = text.replace(/^[\s*[\]()]+/, "").replace(/^sealed\s+/i, "");
  for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(head)) return kind;
  return "other";
}

/**
 * True when the docket text says the entry itself is sealed: it starts with SEALED or *SEALED*
 * ("SEALED MOTION…", "***SEALED*** ORDER"), or calls itself "(filed under seal)", or opens
 * with "DOCUMENT/EXHIBIT … FILED UNDER SEAL". A motion or order *about* sealing ("MOTION to
 * Seal", "ADMINISTRATIVE MOTION to File Under Seal", "ORDER granting motion to seal…
 * documents filed under seal shall…") is public and is not marked.
 */
export function saysSealed(text: string): boolean {
  if (/^[\s*[(]*sealed\b/i.test(text)) return true;
  if (/\(\s*(?:document\s+)?(?:filed|lodged)\s+under\s+seal\s*\)/i.test(text)) return true;
  return (
    /^[\s*]*(?:document|exhibits?|declaration|attachment)[^.]{0,60}?\b(?:filed|lodged)\s+under\s+seal\b/i.test(text) &&
    !/\bmotion\b/i.test(text.slice(0, 80))
  );
}

type MotionKind = (typeof MOTION_KINDS)[number];

export type MotionReading = { kind: MotionKind; track: "noticed" | "administrative"; title: string };

/**
 * The motion a docket text brings, when the text starts with one ("MOTION to Quash…",
 * "ADMINISTRATIVE MOTION to File Under Seal…", "NOTICE OF MOTION AND MOTION…"); null otherwise.
 * The track is administrative only when the text says so (N.D. Cal. L.R. 7-11).
 */
export function motionFromText(text: string): MotionReading | null {
  const head = text.trim();
  if (!MOTION_PREFIX.test(head)) return null;
  const administrative = /^(?:(?:joint|notice of motion and|unopposed|stipulated)\s+)*administrative\s+motion\b/i.test(head);
  const title = motionTitle(head);
  // What the motion asks for, before any reference to another filing ("… as to [2] MOTION for Leave to Proceed Anonymously").
  const what = (title.split(/\s+(?:as to|re:?|regarding|in support of|in opposition to)\s+|\[/i)[0] ?? title).toLowerCase();
  let kind: MotionKind;
  if (/\bunseal/.test(what)) kind = "motion_to_unseal";
  else if (/\bquash/.test(what)) kind = "motion_to_quash";
  else if (/pseudonym|anonymous|anonymity|under a fictitious name|as doe\b/.test(what)) kind = "motion_to_proceed_pseudonymously";
  else if (/\bseal\b|under seal/.test(what)) kind = "motion_to_seal";
  else if (/\bstay\b/.test(what)) kind = "motion_for_stay";
  else kind = administrative ? "administrative_motion" : "other";
  return { kind, track: administrative ? "administrative" : "noticed", title };
}

/** "MOTION to Quash Subpoena filed by J. Doe. (Attachments…)" → "Motion to Quash Subpoena". */
function motionTitle(text: string): string {
  const cut = text.split(/\s+(?:filed by|by|addressed to|dated)\s+(?=\S)|\s+-\s+|\s*\(|\.\s|;\s|\s+Responses due by\b/i)[0] ?? text;
  // CM/ECF prints the event name in capitals ("JOINT LETTER MOTION"); the rest is the filer's wording.
  const words = cut
    .replace(/\.$/, "")
    .trim()
    .slice(0, 200)
    .replace(/\b[A-Z]{2,}(?:\s+[A-Z]{2,})*\b/, (caps) => caps.toLowerCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Routine applications that are motions in form only; the tracker does not follow them as motions. */
export function isRoutineMotion(title: string): boolean {
  return /pro hac vice|appear pro hac/i.test(title);
}

/** "… Filed byJohn Michael Balbo. (sis…" → "John Michael Balbo" (PACER often drops the space). */
export function filedByFromText(text: string): string | null {
  const match = /\bFiled\s*by\s*(?!on\b)([^()]+)/i.exec(text);
  if (!match) return null;
  // The name ends at a sentence break that is not an initial ("J. Doe. Signed by…").
  const name = match[1]!
    .split(/(?<!\b\p{Lu})\.(?:\s+|$)/u)[0]!
    .trim()
    .replace(/[.,;]$/, "");
  return name && name.length <= 200 ? name : null;
}

// Names a docket uses for parties who sue without their name.
const PSEUDONYM_WORDS = /\b(?:doe|does|roe|roes|anonymous|unnamed|unknown|pseudonymous|pseudonym)\b/i;
// Initials only: "J. H.", "A. T.", "J.D.".
const INITIALS_ONLY = /^(?:\p{Lu}\.\s*){1,3}$/u;

/** True for "J. Doe", "John Does 1-10", "Anonymous Movant", "J. H.": a party the docket does not name. */
export function isPseudonymousName(name: string): boolean {
  const trimmed = name.trim();
  return PSEUDONYM_WORDS.test(trimmed) || (INITIALS_ONLY.test(trimmed) && !/^U\.\s*S\.$/.test(trimmed));
}

const FIRM_WORDS =
  /\b(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|PC|PLLC|P\.A\.|Law|Lawyers|Attorneys?|Firm|Office|Offices|Group|Associates|Partners|Foundation|Union|Clinic|Center|Centre|Project|Institute|Department|Dept\.?|Legal|Counsel|Defender|Inc\.?|Corporation|Company|Co\.)\b|&/;

/** The firm on the first line of a PACER contact block, when that line names one. */
export function firmFromContact(contact: string): string | null {
  const first = contact.split("\n")[0]?.trim() ?? "";
  if (!first || first.length > 120 || /^\d/.test(first) || /@|\bP\.?O\.? Box\b|^PRO SE$/i.test(first)) return null;
  return FIRM_WORDS.test(first) ? first : null;
}

/** How the organization of a firm line is filed: public offices are agencies, clinics nonprofits. */
export function organizationKindOf(name: string): "law_firm" | "agency" | "nonprofit" {
  if (
    /\b(?:Department|Dept\.?|United States Attorney|U\.S\. Attorney|Attorney General|Federal Public Defender|Government|Agency)\b/i.test(
      name,
    )
  )
    return "agency";
  if (/\b(?:Foundation|Union|ACLU|Clinic|Center|Centre|Project|Institute|Society|Committee|Fund)\b/i.test(name)) return "nonprofit";
  return "law_firm";
}

/**
 * The title a docket gives a judge, read from the words just before the name ("Magistrate Judge
 * Joseph C. Spero", "Judge William Alsup", "Chief Judge …"), in the tracker's vocabulary.
 */
export function judgeTitleFrom(text: string, name: string): string {
  const escaped = name
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  const match = new RegExp(
    `((?:Chief\\s+|Senior\\s+)?(?:U\\.?S\\.?\\s+)?(?:Magistrate|District|Bankruptcy)?\\s*Judge)\\s+${escaped}`,
    "i",
  ).exec(text);
  const said = match?.[1]?.replace(/\s+/g, " ").toLowerCase() ?? "";
  if (said.includes("magistrate")) return said.includes("u.s") ? "U.S. Magistrate Judge" : "Magistrate Judge";
  if (said.includes("chief")) return "Chief U.S. District Judge";
  if (said.includes("district")) return "U.S. District Judge";
  return "Judge";
}
