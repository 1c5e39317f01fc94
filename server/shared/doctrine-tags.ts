/**
 * Doctrine tags: authorities keep theirs comma-separated ("associational-privacy,exacting-scrutiny"),
 * an argument has one, and each doctrine gathers a list of them (its own slug first). Pure.
 */

/** The tags of a comma-separated list, trimmed, without blanks or repeats, in order. */
export function parseTags(text: string | null | undefined): string[] {
  const out: string[] = [];
  for (const raw of (text ?? "").split(",")) {
    const tag = raw.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export type DoctrineTags = { slug: string; title: string; tags: string };

/** The doctrine a tag belongs to: the first (by position) whose list names it. */
export function doctrineOfTag<D extends DoctrineTags>(doctrines: readonly D[], tag: string): D | undefined {
  return doctrines.find((d) => parseTags(d.tags).includes(tag));
}

/** The doctrines a set of tags belongs to, each once, in the doctrines' order; and the tags no doctrine gathers. */
export function doctrinesOfTags<D extends DoctrineTags>(
  doctrines: readonly D[],
  tags: readonly string[],
): { doctrines: D[]; otherTags: string[] } {
  const found = new Set<D>();
  const otherTags: string[] = [];
  for (const tag of tags) {
    const doctrine = doctrineOfTag(doctrines, tag);
    if (doctrine) found.add(doctrine);
    else otherTags.push(tag);
  }
  return { doctrines: doctrines.filter((d) => found.has(d)), otherTags };
}

/** A tag in words, for a tag no doctrine gathers: "customs-summons" → "customs summons". */
export function tagWords(tag: string): string {
  return tag.replace(/-/g, " ");
}
