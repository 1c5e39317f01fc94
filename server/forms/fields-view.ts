import type { FieldError } from "../errors";
import { DATE_PRECISION_CHOICES } from "./choices";
import { fuzzyMeaning, PART_HINTS, weekdayText } from "./date-hints";
import { allFields, FUZZY_PARTS, inputNames, type Choice, type FieldGroup, type FieldSpec } from "./spec";
import { REMOVE_COLUMN, type FormValues } from "./values";

/** One input as a template prints it: every attribute and flag computed here. */
export type ControlView = {
  id: string;
  name: string;
  label: string;
  required: boolean;
  isTextarea: boolean;
  isSelect: boolean;
  isCheckbox: boolean;
  isDate: boolean;
  isNumber: boolean;
  inputType: string;
  value: string;
  checked: boolean;
  blank: string | null;
  choices: (Choice & { selected: boolean })[];
  size: number;
  autofocus: boolean;
  hint: string | null;
  hintId: string;
  weekday: string | null;
  weekdayId: string;
  error: string | null;
  errorId: string;
  describedBy: string | null;
};

export type FieldView = ControlView & {
  isFuzzy: boolean;
  isRows: boolean;
  isLines: boolean;
  isCheckboxes: boolean;
  isSingle: boolean;
  parts: ControlView[];
  rows: { legend: string; error: string | null; cells: ControlView[] }[];
  lines: ControlView[];
  options: { id: string; value: string; label: string; checked: boolean }[];
};

export type ErrorSummaryItem = { text: string; href: string | null };

const INPUT_TYPES: Record<string, string> = { number: "text", url: "url", time: "text", date: "text", text: "text" };

/**
 * Builds the field views of a form and the error summary that links to them. `errors` are
 * the schema's or the service's field errors (`dateFiled`, `coverage.0.subpoenaId`); each is
 * shown beside its input, and listed at the top with a link to it.
 */
export function toFieldViews(groups: FieldGroup[], values: FormValues, errors: FieldError[], prefix = "f") {
  const byPath = new Map<string, string>();
  for (const e of errors) if (!byPath.has(e.path)) byPath.set(e.path, e.message);
  const words = new Map(
    allFields(groups)
      .flatMap((f) => [...inputNames(f), ...(f.columns ?? []).map((c) => ({ name: c.name, label: c.label }))])
      .map((n) => [n.name, n.label]),
  );
  // Messages name fields as the schema does ("must not be before dateFiled"); say them in the form's words.
  const say = (message: string) => message.replace(/\b[a-z]+[A-Z]\w*\b/g, (name) => (words.has(name) ? `“${words.get(name)}”` : name));
  const targets = new Map<string, { id: string; label: string }>();
  let focused = false;
  const focusFirstError = (message: string | null) => (message !== null && !focused ? (focused = true) : false);

  /** `label` is printed beside the input; `named` is how messages and the summary call it ("Subpoena (row 2)"). */
  function control(
    spec: FieldSpec,
    name: string,
    id: string,
    value: string,
    errorPaths: string[],
    label = spec.label,
    named = label,
    meaning: string | null | undefined = undefined,
  ): ControlView {
    const message = errorPaths.map((p) => byPath.get(p)).find((m) => m !== undefined) ?? null;
    for (const p of errorPaths) targets.set(p, { id, label: named });
    const weekday = meaning !== undefined ? meaning : spec.control === "date" ? weekdayText(value.trim()) : null;
    const hasChoice = spec.choices?.some((c) => c.value === value) ?? true;
    // A stored id that is not among the choices (a deleted judge) stays visible rather than silently dropped.
    const choices = [...(spec.choices ?? []), ...(value && !hasChoice ? [{ value, label: `${value} (not in the list)` }] : [])];
    const ids = { hintId: `${id}-hint`, weekdayId: `${id}-weekday`, errorId: `${id}-error` };
    const describedBy = [message ? ids.errorId : null, spec.hint ? ids.hintId : null, weekday ? ids.weekdayId : null]
      .filter(Boolean)
      .join(" ");
    return {
      id,
      name,
      label,
      required: spec.required ?? false,
      isTextarea: spec.control === "textarea",
      isSelect: spec.control === "select",
      isCheckbox: spec.control === "checkbox",
      isDate: spec.control === "date",
      isNumber: spec.control === "number",
      inputType: INPUT_TYPES[spec.control] ?? "text",
      value,
      checked: value === "true" || value === "on",
      blank: spec.blank ?? null,
      choices: choices.map((c) => ({ ...c, selected: c.value === value })),
      size: spec.size ?? 4,
      // With errors, the first field in error takes the focus instead of the form's first field.
      autofocus: errors.length > 0 ? focusFirstError(message) : (spec.autofocus ?? false),
      hint: spec.hint ?? null,
      ...ids,
      weekday,
      error: message ? `${named} ${say(message)}` : null,
      describedBy: describedBy || null,
    };
  }

  function field(spec: FieldSpec): FieldView {
    const id = `${prefix}-${spec.name}`;
    const value = values[spec.name];
    const own = control(spec, spec.name, id, typeof value === "string" ? value : "", [spec.name]);
    const view: FieldView = {
      ...own,
      isFuzzy: spec.control === "fuzzy-date",
      isRows: spec.control === "rows",
      isLines: spec.control === "lines",
      isCheckboxes: spec.control === "checkboxes",
      isSingle: !["fuzzy-date", "rows", "lines", "checkboxes"].includes(spec.control),
      parts: [],
      rows: [],
      lines: [],
      options: [],
    };
    if (spec.control === "fuzzy-date") {
      view.parts = FUZZY_PARTS.map((part) => {
        const name = `${spec.name}${part.suffix}`;
        const partSpec: FieldSpec =
          part.suffix === "Precision"
            ? { name, label: "", control: "select", choices: DATE_PRECISION_CHOICES, blank: "not stated (a day, when a date is given)" }
            : { name, label: "", control: part.control, hint: PART_HINTS[part.suffix] };
        const printed = part.label ? part.label.charAt(0).toUpperCase() + part.label.slice(1) : "Date";
        const named = part.label ? `${spec.label}: ${part.label}` : spec.label;
        return control(
          partSpec,
          name,
          `${prefix}-${name}`,
          String(values[name] ?? ""),
          [name],
          printed,
          named,
          fuzzyMeaning(spec.name, part.suffix, values),
        );
      });
    } else if (spec.control === "checkboxes") {
      const chosen = new Set((value as string[] | undefined) ?? []);
      const known = new Set((spec.choices ?? []).map((c) => c.value));
      const choices = [
        ...(spec.choices ?? []),
        ...[...chosen].filter((v) => !known.has(v)).map((v) => ({ value: v, label: `${v} (not in the list)` })),
      ];
      view.options = choices.map((c, i) => ({ id: `${id}-${i}`, value: c.value, label: c.label, checked: chosen.has(c.value) }));
      const paths = [spec.name, ...errors.map((e) => e.path).filter((p) => p.startsWith(`${spec.name}.`))];
      Object.assign(view, control(spec, spec.name, view.options[0]?.id ?? id, "", paths), { id });
    } else if (spec.control === "lines") {
      const lines = [...((value as string[] | undefined) ?? []), ...Array<string>(spec.extra ?? 2).fill("")];
      view.lines = lines.map((line, i) =>
        control(
          { ...spec, control: "text", hint: undefined },
          spec.name,
          `${id}-${i}`,
          line,
          [`${spec.name}.${i}`],
          `Item ${i + 1}`,
          `${spec.label}, item ${i + 1},`,
        ),
      );
    } else if (spec.control === "rows") {
      const blank = Object.fromEntries((spec.columns ?? []).map((c) => [c.name, c.initial ?? ""]));
      const stored = (value as Record<string, string>[] | undefined) ?? [];
      const rows = [...stored, ...Array.from({ length: spec.extra ?? 1 }, () => blank)];
      view.rows = rows.map((row, i) => {
        const isNew = i >= stored.length;
        const cells = (spec.columns ?? []).map((column) =>
          control(
            column,
            `${spec.name}[${i}][${column.name}]`,
            `${id}-${i}-${column.name}`,
            row[column.name] ?? "",
            [`${spec.name}.${i}.${column.name}`],
            column.label,
            `${column.label} (row ${i + 1})`,
          ),
        );
        if (!isNew)
          cells.push(
            control(
              { name: REMOVE_COLUMN, label: "Remove this row", control: "checkbox" },
              `${spec.name}[${i}][${REMOVE_COLUMN}]`,
              `${id}-${i}-remove`,
              "",
              [],
            ),
          );
        const rowError = byPath.get(`${spec.name}.${i}`) ?? null;
        if (rowError) targets.set(`${spec.name}.${i}`, { id: cells[0]!.id, label: `${spec.label} row ${i + 1}` });
        return { legend: isNew ? `New row` : `Row ${i + 1}`, error: rowError ? `Row ${i + 1} ${say(rowError)}` : null, cells };
      });
    }
    return view;
  }

  const groupViews = groups.map((g) => ({
    legend: g.legend,
    hint: g.hint ?? null,
    collapsed: (g.collapsed ?? false) && !g.fields.some((f) => errors.some((e) => e.path === f.name || e.path.startsWith(`${f.name}`))),
    fields: g.fields.map(field),
  }));
  const summary: ErrorSummaryItem[] = errors.map((e) => {
    const target = targets.get(e.path);
    return target ? { text: `${target.label} ${say(e.message)}`, href: `#${target.id}` } : { text: say(e.message), href: null };
  });
  return { groups: groupViews, errorSummary: summary };
}
