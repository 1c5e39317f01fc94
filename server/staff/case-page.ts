import type { EditType, Row } from "../editing/definition";
import { deadlineActions } from "../editing/records/deadlines/form";
import type { EditableRecord } from "../editing/service";
import { recordName } from "../forms/choices";
import type { FormDeps, PageAction } from "../forms/record-form";
import { str } from "../forms/words";
import type { HeldBanner } from "../guard/notice";
import { paths } from "../paths";
import type { EditableType } from "../records/tables";
import { DEADLINE_STATUS_LABELS, label } from "../shared/labels";

type Item = { text: string; href: string; note: string | null; deleted: boolean; held: boolean; actions: PageAction[] };
type Section = {
  id: string;
  heading: string;
  items: Item[];
  empty: string;
  add: { href: string; label: string } | null;
  more: { href: string; label: string } | null;
};

/** What the publication guard holds, for the case page: open holds as "type:id" keys, and the banners (server/guard/notice.ts). */
export type CaseHolds = { keys: Set<string>; caseBanner: HeldBanner | null; recordsBanner: HeldBanner | null };

/** The staff page of one case: each kind of record of the case, with links to edit and add. */
export function toCasePageView(
  kase: EditableRecord,
  deps: FormDeps,
  canEdit: boolean,
  holds: CaseHolds = { keys: new Set(), caseBanner: null, recordsBanner: null },
) {
  const slug = str(kase.slug);
  const caseId = kase.id;
  const item = (
    type: EditableType,
    segment: string,
    row: Row,
    text = recordName(type, row),
    note: string | null = null,
    actions: PageAction[] = [],
  ): Item => ({
    text,
    href: paths.staffRecordEdit(segment, str(row.id), slug),
    note,
    deleted: Boolean(row.deletedAt),
    held: holds.keys.has(`${type}:${str(row.id)}`),
    actions: canEdit ? actions : [],
  });
  const section = (id: string, heading: string, segment: string, items: Item[], addLabel: string, empty: string): Section => ({
    id,
    heading,
    items,
    empty,
    add: canEdit ? { href: paths.staffRecordNew(segment, slug), label: addLabel } : null,
    more: null,
  });
  const rows = (type: EditType) => deps.repo.rows(type, { caseId, includeDeleted: true });
  const latest = deps.repo.latestEntries(caseId, 10);
  const entries = section(
    "entries",
    "Docket entries",
    "entries",
    latest.map((e) => item("entry", "entries", e, recordName("entry", e), e.stricken ? "stricken" : null)),
    "Add docket entries",
    "No entries yet.",
  );
  entries.more = { href: paths.case(slug), label: "The whole docket (Edit and Strike beside each entry)" };
  const counsel = deps.repo
    .representationsOfCase(caseId, true)
    .map((r) =>
      item(
        "representation",
        "counsel",
        r.representation,
        `${r.attorney?.name ?? r.organization?.name ?? "unnamed counsel"} for ${r.party.name}`,
        r.representation.roles,
      ),
    );

  return {
    title: `Staff: ${str(kase.label)}`,
    deleted: kase.deletedAt
      ? {
          text: "This case is deleted: it is hidden from every public page. Restore it from its edit page.",
          href: paths.staffRecordEdit("cases", slug),
        }
      : null,
    unpublished:
      !kase.deletedAt && !kase.published
        ? {
            text: "Not published: the public sees nothing of this case or its records until it is published.",
            href: paths.staffCasePublication(slug),
            label: canEdit ? "Review and publish" : "Publication",
          }
        : null,
    held: holds.caseBanner,
    heldRecords: holds.recordsBanner,
    links: [
      { href: paths.case(slug), label: "Public docket page" },
      ...(canEdit ? [{ href: paths.staffRecordEdit("cases", slug), label: "Edit the case" }] : []),
      { href: paths.staffCasePublication(slug), label: "Publication" },
      { href: paths.staffSeal("case", caseId), label: kase.sealed ? "Sealed: unseal the case" : "Seal the whole case" },
      { href: paths.staffHistory("case", caseId), label: "History" },
      { href: paths.staffRecords("cases"), label: "All cases" },
    ],
    sections: [
      entries,
      section(
        "parties",
        "Parties",
        "parties",
        rows("party").map((p) => item("party", "parties", p)),
        "Add a party",
        "No parties recorded.",
      ),
      section("counsel", "Counsel", "counsel", counsel, "Add counsel", "No counsel recorded."),
      section(
        "motions",
        "Motions",
        "motions",
        rows("motion").map((m) => item("motion", "motions", m, str(m.title), str(m.status).replace(/_/g, " "))),
        "Add a motion",
        "No motions recorded.",
      ),
      section(
        "arguments",
        "Arguments",
        "arguments",
        deps.repo.argumentsOfCase(caseId, true).map((a) => item("argument", "arguments", a)),
        "Add an argument",
        "No arguments recorded.",
      ),
      section(
        "orders",
        "Orders",
        "orders",
        rows("order").map((o) => item("order", "orders", o, str(o.title))),
        "Add an order",
        "No orders recorded.",
      ),
      section(
        "hearings",
        "Hearings",
        "hearings",
        rows("hearing").map((h) => item("hearing", "hearings", h, `${str(h.title)}${h.date ? `, ${str(h.date)}` : ""}`, str(h.status))),
        "Add a hearing",
        "No hearings recorded.",
      ),
      section(
        "deadlines",
        "Deadlines",
        "deadlines",
        rows("deadline").map((d) =>
          item(
            "deadline",
            "deadlines",
            d,
            recordName("deadline", d),
            label(DEADLINE_STATUS_LABELS, str(d.status)),
            deadlineActions(d, slug),
          ),
        ),
        "Add a deadline",
        "No deadlines recorded.",
      ),
    ],
  };
}
