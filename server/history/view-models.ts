import type { EditableType } from "../records/tables";
import { paths } from "../paths";
import { formatDay } from "../shared/dates";
import { fieldChanges, linkChanges, type FieldChange, type LinkChange, type RefName } from "./diff";
import { recordName, typeLabel } from "./labels";
import type { DeletedData, HistoryData, ParsedRevision } from "./loaders";
import { LINKS_KEY } from "../records/store";

type Row = Record<string, unknown>;

export type InstantView = { text: string; datetime: string };

/** "November 21, 2026, 20:00 UTC": revisions are instants, kept in UTC. */
export function viewInstant(iso: string): InstantView {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return { text: time ? `${formatDay(iso.slice(0, 10))}, ${time} UTC` : formatDay(iso.slice(0, 10)), datetime: iso };
}

const refNameFrom =
  (names: Map<string, string>): RefName =>
  (type, id) =>
    names.get(`${type}:${String(id)}`) ?? null;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** created / updated / deleted / restored, and for docket entries stricken / un-stricken. */
function actionOf(type: EditableType, r: ParsedRevision): { label: string; badge: string } {
  if (type === "entry" && r.action === "update" && r.before && r.after && r.before.stricken !== r.after.stricken) {
    return r.after.stricken ? { label: "Stricken", badge: "badge-warn" } : { label: "Un-stricken", badge: "badge-accent" };
  }
  switch (r.action) {
    case "create":
      return { label: "Created", badge: "badge-ok" };
    case "delete":
      return { label: "Deleted", badge: "badge-warn" };
    case "restore":
      return { label: "Restored", badge: "badge-accent" };
    default:
      return { label: "Updated", badge: "badge-muted" };
  }
}

const BOOKKEEPING = new Set(["id", "createdAt", "updatedAt", "version", "deletedAt"]);

/** Whether restoring this revision would change nothing: its fields and links are the current ones. */
function sameAsCurrent(after: Row, current: Row, currentLinks: Row | undefined): boolean {
  for (const [field, value] of Object.entries(after)) {
    if (BOOKKEEPING.has(field)) continue;
    if (field === LINKS_KEY) {
      if (!currentLinks) continue;
      for (const [name, items] of Object.entries(value as Row)) {
        if (JSON.stringify(items) !== JSON.stringify(currentLinks[name])) return false;
      }
      continue;
    }
    if (JSON.stringify(value ?? null) !== JSON.stringify(current[field] ?? null)) return false;
  }
  return true;
}

/** Where a live record is seen by the public, when it has a page. */
function publicHref(data: HistoryData): string | null {
  const { type, row, kase, entry } = data;
  if (row.deletedAt || (kase && kase.deletedAt)) return null;
  switch (type) {
    case "case":
      return paths.case(String(row.slug));
    case "subpoena":
      return paths.subpoena(String(row.slug));
    case "judge":
      return paths.judge(String(row.slug));
    case "order":
      return paths.order(String(row.slug));
    case "event":
      return row.slug ? paths.event(String(row.slug)) : null;
    case "source":
      return paths.source(String(row.tag));
    case "entry":
      return kase ? paths.entryPermalink(String(kase.slug), row.id as number) : null;
    case "document":
      return row.fileSha256 && entry && !row.sealed && !entry.sealed ? paths.document(row.id as number) : null;
    default:
      return null;
  }
}

export type RevisionItem = {
  id: number;
  anchor: string;
  action: string;
  badge: string;
  at: InstantView;
  actor: string;
  reason: string | null;
  version: number | null;
  /** A create shows each field's first value, with no "before" column. */
  isCreate: boolean;
  changes: FieldChange[];
  links: LinkChange[];
  nothingChanged: boolean;
  isCurrent: boolean;
  sameAsCurrent: boolean;
  revert: { action: string; revisionId: number; version: number; reasonId: string } | null;
};

export type HistoryView = {
  title: string;
  typeLabel: string;
  name: string;
  id: string;
  version: number;
  sealed: boolean;
  deleted: boolean;
  stricken: boolean;
  caseName: string | null;
  caseHref: string | null;
  publicHref: string | null;
  documentsHref: string | null;
  downloadHref: string | null;
  historyHref: string;
  deletedHref: string;
  /** Undo the delete (or the strike), for editors. */
  restore: { action: string; version: number } | null;
  /** A refused restore: why, and that nothing changed. */
  error: string | null;
  revisionCount: number;
  revisions: RevisionItem[];
};

export type HistoryOptions = { canEdit: boolean; error?: string | null; currentLinks?: Row };

/** The history page: newest revision first, each with its changes and, for earlier ones, a restore form. */
export function toHistoryView(data: HistoryData, options: HistoryOptions): HistoryView {
  const { type, row, kase, entry } = data;
  const refName = refNameFrom(data.names);
  const id = String(row.id);
  const name = recordName(type, row);
  const latestId = data.revisions.at(-1)?.id;
  const version = row.version as number;
  const sealed = Boolean(row.sealed) || Boolean(entry?.sealed);
  const deleted = Boolean(row.deletedAt);
  const stricken = type === "entry" && Boolean(row.stricken);
  const revisions = data.revisions.map((r): RevisionItem => {
    const action = actionOf(type, r);
    const changes = fieldChanges(r.before, r.after, refName);
    const links = linkChanges(r.before, r.after, refName);
    const isCurrent = r.id === latestId;
    const same = !isCurrent && r.after !== null && sameAsCurrent(r.after, row, options.currentLinks);
    const restorable = options.canEdit && !isCurrent && !same && r.after !== null && !r.after.deletedAt;
    return {
      id: r.id,
      anchor: `revision-${r.id}`,
      action: action.label,
      badge: action.badge,
      at: viewInstant(r.at),
      actor: r.actor,
      reason: r.reason,
      version: r.version,
      isCreate: r.before === null,
      changes,
      links,
      nothingChanged: changes.length === 0 && links.length === 0,
      isCurrent,
      sameAsCurrent: same,
      revert: restorable ? { action: paths.staffHistoryRevert(type, id), revisionId: r.id, version, reasonId: `reason-${r.id}` } : null,
    };
  });
  const caseSlug = kase ? String(kase.slug) : null;
  const entryId = type === "entry" ? (row.id as number) : type === "document" ? (entry?.id as number | undefined) : undefined;
  return {
    title: `History of ${typeLabel(type)} ${name}`,
    typeLabel: capitalise(typeLabel(type)),
    name,
    id,
    version,
    sealed,
    deleted,
    stricken,
    caseName: kase && type !== "case" ? recordName("case", kase) : null,
    caseHref: kase && type !== "case" ? paths.staffHistory("case", String(kase.id)) : null,
    publicHref: type === "document" ? null : publicHref(data),
    documentsHref: caseSlug && entryId !== undefined ? paths.staffEntryDocuments(caseSlug, entryId) : null,
    downloadHref: type === "document" && row.fileSha256 ? paths.document(row.id as number) : null,
    historyHref: paths.staffHistory(type, id),
    deletedHref: paths.staffDeleted(),
    restore: options.canEdit && (deleted || stricken) ? { action: paths.staffDeletedRestore(type, id), version } : null,
    error: options.error ?? null,
    revisionCount: revisions.length,
    // Newest first: what changed last is what people come to check.
    revisions: revisions.reverse(),
  };
}

export type DeletedRow = {
  name: string;
  kind: string;
  caseName: string | null;
  historyHref: string;
  at: InstantView | null;
  actor: string | null;
  reason: string | null;
  restore: { action: string; version: number; label: string } | null;
};

export type DeletedView = { title: string; rows: DeletedRow[]; count: number; caption: string; error: string | null; canEdit: boolean };

/** Every deleted record and stricken entry, most recently hidden first. */
export function toDeletedView(data: DeletedData, options: { canEdit: boolean; error?: string | null }): DeletedView {
  const rows = data.items
    .map((item) => {
      const id = String(item.row.id);
      const caseId = item.row.caseId;
      const entryId = item.row.entryId;
      const caseName =
        typeof caseId === "number"
          ? (data.names.get(`case:${caseId}`) ?? null)
          : typeof entryId === "number"
            ? (data.names.get(`entry:${entryId}`) ?? null)
            : null;
      const hiddenAt = item.revision?.at ?? (item.row.deletedAt as string | null) ?? null;
      return {
        sortKey: hiddenAt ?? "",
        name: recordName(item.type, item.row),
        kind: item.stricken ? `${capitalise(typeLabel(item.type))} (stricken)` : capitalise(typeLabel(item.type)),
        caseName,
        historyHref: paths.staffHistory(item.type, id),
        at: hiddenAt ? viewInstant(hiddenAt) : null,
        actor: item.revision?.actor ?? null,
        reason: item.revision?.reason ?? null,
        restore: options.canEdit
          ? {
              action: paths.staffDeletedRestore(item.type, id),
              version: item.row.version as number,
              label: item.stricken ? "Un-strike" : "Restore",
            }
          : null,
      };
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
    .slice(0, data.shown)
    .map(({ sortKey: _sortKey, ...row }) => row);
  const count = Math.max(data.total, rows.length);
  const caption =
    count > rows.length
      ? `${count} deleted or stricken; the latest ${rows.length}, most recent first`
      : `${count} deleted or stricken, most recent first`;
  return { title: "Deleted records", rows, count, caption, error: options.error ?? null, canEdit: options.canEdit };
}
