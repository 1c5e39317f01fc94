import type { EditableRecord } from "../editing/service";
import type { FieldError } from "../errors";
import { paths } from "../paths";
import { toFieldViews } from "./fields-view";
import { refOf, type FormDeps, type FormScope, type PageAction, type RecordFormConfig, type RelatedList } from "./record-form";
import type { SourcesSectionView } from "./sources-section";
import type { FieldGroup } from "./spec";
import type { FormValues } from "./values";

export type FormPageInput = {
  config: RecordFormConfig;
  scope: FormScope;
  deps: FormDeps;
  /** The stored record (edit), or null (new). */
  record: EditableRecord | null;
  groups: FieldGroup[];
  values: FormValues;
  errors: FieldError[];
  /** Viewers see the form without a way to save it. */
  readOnly: boolean;
  /** The version the user's edit started from: kept across a 422 so a later save is still checked. */
  version?: number;
  reason?: string;
  sources?: SourcesSectionView | null;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Where the staff pages of a record's scope start: the case's staff page, or the type's list. */
export function backLink(config: RecordFormConfig, scope: FormScope) {
  return scope
    ? { href: paths.staffCase(scope.caseSlug), label: `Staff page of ${scope.caseLabel}` }
    : { href: paths.staffRecords(config.segment), label: `All ${config.segment.replace(/-/g, " ")}` };
}

function removalActions(config: RecordFormConfig, record: EditableRecord, scope: FormScope): PageAction[] {
  const ref = refOf(config, record);
  const version = [{ name: "version", value: String(record.version) }];
  const at = (action: "delete" | "strike" | "unstrike") => paths.staffRecordAction(config.segment, ref, action, scope?.caseSlug);
  if (config.removal === "strike") {
    return record.stricken
      ? [{ label: "Unstrike this entry", action: at("unstrike"), fields: version }]
      : [{ label: "Strike this entry (it stays on the docket, marked stricken)", action: at("strike"), fields: version }];
  }
  return [{ label: `Delete this ${config.noun} (hidden, not erased; it can be restored)`, action: at("delete"), fields: version }];
}

/** The new-record or edit page of any record type: the form, its errors, and what surrounds it. */
export function toFormPageView(input: FormPageInput) {
  const { config, scope, record, deps } = input;
  const { groups, errorSummary } = toFieldViews(input.groups, input.values, input.errors);
  const ref = record ? refOf(config, record) : null;
  const deleted = record?.deletedAt ? record : null;
  const name = record ? config.describe(record, deps) : null;
  const lists: RelatedList[] = record ? (config.related?.(record, scope, deps) ?? []) : (config.newRelated?.(scope, deps) ?? []);
  return {
    title: record ? `Edit ${config.noun}: ${name}` : (config.newTitle ?? `Add a ${config.noun}`),
    scopeLabel: scope?.caseLabel ?? null,
    back: backLink(config, scope),
    action: ref ? paths.staffRecord(config.segment, ref, scope?.caseSlug) : paths.staffRecords(config.segment, scope?.caseSlug),
    version: record ? String(input.version ?? record.version) : null,
    submitLabel: record ? "Save changes" : (config.createLabel ?? `Save ${config.noun}`),
    cancelHref: record ? config.showHref(record, scope, deps) : backLink(config, scope).href,
    groups,
    errorSummary: errorSummary.length
      ? {
          heading: `The ${config.noun} was not saved. Correct ${errorSummary.length === 1 ? "this field" : "these fields"}:`,
          items: errorSummary,
        }
      : null,
    readOnly: input.readOnly,
    reason: input.reason ?? "",
    showForm: !deleted,
    deleted: deleted
      ? {
          text: `${capitalise(config.noun)} deleted: it is hidden from every page but kept, with its history. Restore it to see and edit it again.`,
          action: paths.staffRecordAction(config.segment, ref!, "restore", scope?.caseSlug),
          version: String(deleted.version),
        }
      : null,
    stricken: Boolean(record?.stricken),
    actions:
      record && !deleted && !input.readOnly
        ? [...(config.actions?.(record, scope, deps) ?? []), ...removalActions(config, record, scope)]
        : [],
    lists,
    sources: input.sources ?? null,
    showHref: record && !deleted ? config.showHref(record, scope, deps) : null,
    historyHref: record ? paths.staffHistory(config.type, record.id) : null,
  };
}

export type FormPageView = ReturnType<typeof toFormPageView>;
