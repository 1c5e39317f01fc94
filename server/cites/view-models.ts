import { paths } from "../paths";
import { filingName } from "../shared/filing-name";
import type { CaseAuthorities, CitingFiling } from "./loaders";
import type { CiteWithContext } from "./repository";

/** A sentence with the citation in it marked, as three runs the template prints (never as markup). */
export function sentenceRuns(sentence: string, cited: string) {
  const at = sentence.indexOf(cited);
  if (at < 0) return { before: sentence, cited: null, after: "" };
  return { before: sentence.slice(0, at), cited, after: sentence.slice(at + cited.length) };
}

/** The words the tab uses when no source lists a filing's authorities: never an empty tab. */
export const NO_SOURCE_LISTS_AUTHORITIES = "No source lists the authorities the filings in this case cited.";

const times = (n: number) => (n === 1 ? "once" : `${n} times`);

/** Confirmed citations grouped by the authority they name, each with where it is cited (pin cite, sentence). */
export function groupByAuthority(filings: CitingFiling[]) {
  const groups: {
    name: string;
    href: string;
    citation: string;
    count: number;
    countText: string;
    occurrences: {
      filing: string;
      filingHref: string;
      citedText: string;
      pinCite: string | null;
      sentence: ReturnType<typeof sentenceRuns>;
      byCourt: boolean;
    }[];
  }[] = [];
  for (const f of filings) {
    for (const c of f.cites) {
      let group = groups.find((g) => g.href === paths.authority(c.authority.slug));
      if (!group) {
        groups.push(
          (group = {
            name: c.authority.shortName,
            href: paths.authority(c.authority.slug),
            citation: c.authority.citation,
            count: 0,
            countText: "",
            occurrences: [],
          }),
        );
      }
      group.count += 1;
      group.occurrences.push({
        filing: filingName(f.entry),
        filingHref: paths.entryPermalink(f.case.slug, f.entry.id),
        citedText: c.cite.citedText,
        pinCite: c.cite.pinCite,
        sentence: sentenceRuns(c.cite.sentence, c.cite.citedText),
        byCourt: f.byCourt,
      });
    }
  }
  for (const g of groups) g.countText = `cited ${times(g.count)}`;
  return groups.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en"));
}

/** The public Authorities tab: the authorities cited, or why there are none, in plain words. */
export function toCaseAuthoritiesView(
  data: CaseAuthorities,
  argumentAuthorities: { name: string; href: string; citation: string; arguments: number }[],
) {
  const authorities = groupByAuthority(data.filings);
  const empty =
    authorities.length > 0
      ? null
      : data.documentsWithText === 0
        ? `${NO_SOURCE_LISTS_AUTHORITIES} No filing's text is on the record yet to find citations in.`
        : `${NO_SOURCE_LISTS_AUTHORITIES} The text of ${data.documentsWithText === 1 ? "one filed document is" : `${data.documentsWithText} filed documents are`} on the record; no citation found in it has been confirmed by staff yet.`;
  return {
    authorities,
    argumentAuthorities: argumentAuthorities.map((a) => ({
      ...a,
      countText: `cited in ${a.arguments} ${a.arguments === 1 ? "argument" : "arguments"}`,
    })),
    empty,
    awaiting:
      data.awaitingReview > 0
        ? `${data.awaitingReview} ${data.awaitingReview === 1 ? "citation" : "citations"} found in this case's filings ${data.awaitingReview === 1 ? "waits" : "wait"} for staff to check ${data.awaitingReview === 1 ? "it" : "them"} before ${data.awaitingReview === 1 ? "it is" : "they are"} shown.`
        : null,
  };
}

const STATUS_VIEW: Record<string, { label: string; tone: "ok" | "warn" | "muted" }> = {
  proposed: { label: "Proposed", tone: "warn" },
  confirmed: { label: "Confirmed", tone: "ok" },
  rejected: { label: "Rejected", tone: "muted" },
};

const MATCHED_BY: Record<string, string> = {
  citation: "its citation matches the authority's",
  antecedent: "it points back to an earlier citation of the authority in this filing",
  staff: "chosen by staff",
};

export type CiteFormProblem = { citeId: number; field: string; message: string };

/**
 * The staff review of a case's links: every link with its status, what it names or proposes,
 * and the forms to confirm (choosing the authority), reject (with a reason) or reopen it.
 * Forms carry the version shown, so a decision on a link that changed since is refused.
 */
export function toCiteReview(
  rows: CiteWithContext[],
  authorities: { id: number; shortName: string; citation: string }[],
  options: {
    canEdit: boolean;
    returnTo: string;
    problem?: CiteFormProblem;
    newAuthorityHref: (proposal: Record<string, string>) => string;
  },
) {
  const choices = [...authorities].sort((a, b) => a.shortName.localeCompare(b.shortName, "en"));
  const items = rows.map(({ cite, entry, document, kase, authority }) => {
    const status = STATUS_VIEW[cite.status] ?? STATUS_VIEW.proposed!;
    const problem = options.problem?.citeId === cite.id ? options.problem : undefined;
    const proposal = cite.proposedCitation
      ? {
          citation: cite.proposedCitation,
          kind: cite.proposedKind ?? "other",
          addHref: options.newAuthorityHref({
            citation: cite.proposedCitation,
            kind: cite.proposedKind ?? "other",
            shortName: cite.proposedShortName ?? cite.proposedCitation,
            ...(cite.proposedCourt ? { court: cite.proposedCourt } : {}),
            ...(cite.proposedYear ? { year: String(cite.proposedYear) } : {}),
          }),
        }
      : null;
    return {
      id: cite.id,
      anchor: `cite-${cite.id}`,
      version: cite.version,
      status: status.label,
      tone: status.tone,
      proposed: cite.status === "proposed",
      found: cite.found,
      sealed: document.sealed || entry.sealed,
      filing: filingName(entry),
      filingHref: paths.entryPermalink(kase.slug, entry.id),
      document: document.attachmentNumber === 0 ? "main document" : `attachment ${document.attachmentNumber}`,
      citedText: cite.citedText,
      pinCite: cite.pinCite,
      sentence: sentenceRuns(cite.sentence, cite.citedText),
      authority: authority
        ? {
            name: authority.shortName,
            href: paths.authority(authority.slug),
            why: cite.matchedBy ? (MATCHED_BY[cite.matchedBy] ?? null) : null,
          }
        : null,
      proposal,
      note: cite.decisionNote,
      forms: options.canEdit
        ? {
            returnTo: options.returnTo,
            confirm: paths.staffCiteDecision(cite.id, "confirm"),
            reject: paths.staffCiteDecision(cite.id, "reject"),
            reopen: paths.staffCiteDecision(cite.id, "reopen"),
            authorityFieldId: `cite-${cite.id}-authority`,
            noteFieldId: `cite-${cite.id}-note`,
            choices: choices.map((a) => ({
              value: String(a.id),
              label: `${a.shortName} — ${a.citation}`,
              selected: a.id === cite.authorityId,
            })),
            error: problem ? { field: problem.field, message: problem.message, id: `cite-${cite.id}-error` } : null,
          }
        : null,
    };
  });
  return {
    items,
    counts: {
      proposed: items.filter((i) => i.proposed && i.found).length,
      total: items.length,
    },
  };
}
