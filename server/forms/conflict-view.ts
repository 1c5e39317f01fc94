import type { Row } from "../editing/definition";
import type { EditableRecord } from "../editing/service";
import { LINKS_KEY } from "../records/store";
import { paths } from "../paths";
import { DATE_PRECISION_CHOICES } from "./choices";
import { weekdayText } from "./date-hints";
import { refOf, type FormDeps, type FormScope, type RecordFormConfig } from "./record-form";
import { allFields, FUZZY_PARTS, type Choice, type FieldGroup, type FieldSpec } from "./spec";
import { valuesFromBody, valuesFromRecord, type FormValues } from "./values";

const NONE = "—";

function choiceText(choices: Choice[] | undefined, value: string): string {
  if (value.trim() === "") return NONE;
  return choices?.find((c) => c.value === value)?.label ?? value;
}

/** One field's value in words, as both columns of the comparison print it. */
function fieldTexts(field: FieldSpec, values: FormValues): { label: string; text: string }[] {
  const value = values[field.name];
  switch (field.control) {
    case "fuzzy-date":
      return FUZZY_PARTS.map((part) => {
        const v = String(values[`${field.name}${part.suffix}`] ?? "").trim();
        const label = part.label ? `${field.label}: ${part.label}` : field.label;
        if (part.suffix === "Precision") return { label, text: choiceText(DATE_PRECISION_CHOICES, v) };
        const weekday = part.control === "date" ? weekdayText(v) : null;
        return { label, text: v === "" ? NONE : weekday ? `${v} (${weekday})` : v };
      });
    case "checkbox":
      return [{ label: field.label, text: value === "true" || value === "on" ? "yes" : "no" }];
    case "checkboxes":
      return [{ label: field.label, text: ((value as string[]) ?? []).map((v) => choiceText(field.choices, v)).join("\n") || NONE }];
    case "lines":
      return [{ label: field.label, text: ((value as string[]) ?? []).join("\n") || NONE }];
    case "rows": {
      const rows = (value as Record<string, string>[]) ?? [];
      const text = rows
        .map((row) =>
          (field.columns ?? [])
            .map(
              (c) =>
                `${c.label}: ${c.control === "select" ? choiceText(c.choices, row[c.name] ?? "") : (row[c.name] ?? "").trim() || NONE}`,
            )
            .join("; "),
        )
        .join("\n");
      return [{ label: field.label, text: text || NONE }];
    }
    case "select":
      return [{ label: field.label, text: choiceText(field.choices, String(value ?? "")) }];
    case "date": {
      const v = String(value ?? "").trim();
      const weekday = weekdayText(v);
      return [{ label: field.label, text: v === "" ? NONE : weekday ? `${v} (${weekday})` : v }];
    }
    default:
      return [{ label: field.label, text: String(value ?? "").trim() || NONE }];
  }
}

const texts = (groups: FieldGroup[], values: FormValues) => allFields(groups).flatMap((f) => fieldTexts(f, values));

/**
 * The 409 page of a stale edit: the record as stored now beside what the user submitted, field
 * by field, with the differences marked and the fields someone else changed since the user
 * opened the form. Nothing was saved; the user starts again from the current version.
 */
export function toConflictView(input: {
  config: RecordFormConfig;
  scope: FormScope;
  deps: FormDeps;
  groups: FieldGroup[];
  current: EditableRecord;
  submitted: Row;
  startedFrom: number;
}) {
  const { config, scope, deps, current, groups } = input;
  // The record as it was when the user opened the form: the revision that made that version.
  const started = deps.editing.revisions(config.type, current.id).find((r) => r.version === input.startedFrom)?.after ?? null;
  const now = texts(groups, valuesFromRecord(groups, current));
  const yours = texts(groups, valuesFromBody(groups, input.submitted));
  const before = started
    ? texts(groups, valuesFromRecord(groups, { ...started, ...((started[LINKS_KEY] as Row | undefined) ?? {}) }))
    : null;
  const rows = now.map((n, i) => {
    const y = yours[i]!;
    return {
      label: n.label,
      now: n.text,
      yours: y.text,
      differs: n.text !== y.text,
      changedByOthers: before ? before[i]!.text !== n.text : false,
    };
  });
  const ref = refOf(config, current);
  return {
    title: `Not saved: someone else changed this ${config.noun} first`,
    name: config.describe(current, deps),
    message: `You started from version ${input.startedFrom}; it is now at version ${current.version}. Nothing you submitted was saved, and nothing was overwritten.`,
    rows,
    differencesText: ((n) => (n === 0 ? "no field differs" : n === 1 ? "1 field differs" : `${n} fields differ`))(
      rows.filter((r) => r.differs).length,
    ),
    startAgainHref: paths.staffRecordEdit(config.segment, ref, scope?.caseSlug),
    historyHref: paths.staffHistory(config.type, current.id),
    currentVersion: current.version,
  };
}
