import { pyStrip, PY_WS } from "./strings";
import type { EmailRecipient } from "./types";

/**
 * The recipients of an HTML notice, from the text after "Notice has been electronically mailed
 * to:": names and addresses run together ("Erika Leigh Neill &nbsp; &nbsp; a@x.com, b@x.com
 * Joshua Jon Sanford …"), so words are read one by one: words with an "@" are addresses, other
 * words start (or continue) a name. The text stops at the next docket number, which starts the
 * "Notice has been delivered by other means" block.
 */
export function recipientsFromText(raw: string, docketNumbers: Array<string | null>): EmailRecipient[] {
  let text = raw
    .replace(/\n/g, "")
    .replace(new RegExp(`[${PY_WS}]{2,}|\\t`, "g"), " ")
    .replace(new RegExp(`[${PY_WS}],`, "g"), "")
    .replace(new RegExp(`^[^\\n]*mailed[${PY_WS}]to:`), "");
  for (const number of docketNumbers) {
    if (number === null) continue;
    text = text.replace(new RegExp(`${escapeRegExp(number)}[^\\n]*$`), "");
  }

  const recipients: Array<{ name: string; email_addresses?: string[] }> = [];
  for (const word of pyStrip(text).split(" ")) {
    if (recipients.length === 0 && !word.includes("@")) {
      recipients.push({ name: word });
      continue;
    }
    if (recipients.length === 0) recipients.push({ name: "" });
    const last = recipients[recipients.length - 1]!;
    if (word.includes("@")) {
      (last.email_addresses ??= []).push(word.replaceAll(",", ""));
    } else if (last.email_addresses && last.email_addresses.length > 0) {
      recipients.push({ name: word });
    } else {
      last.name += ` ${word}`;
    }
  }
  return recipients.filter((r): r is EmailRecipient => (r.email_addresses?.length ?? 0) > 0);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
