import { describe, expect, it } from "vitest";
import { toFieldViews } from "../../server/forms/fields-view";
import type { FieldGroup } from "../../server/forms/spec";
import { cleanBody, valuesFromBody, valuesFromRecord } from "../../server/forms/values";

const groups: FieldGroup[] = [
  {
    legend: "Test",
    fields: [
      { name: "dateFiled", label: "Date filed", control: "fuzzy-date" },
      { name: "dateDue", label: "Due date", control: "date" },
      {
        name: "coverage",
        label: "Coverage",
        control: "rows",
        extra: 1,
        columns: [
          { name: "subpoenaId", label: "Subpoena", control: "select", choices: [{ value: "3", label: "Summons" }], blank: "choose" },
          { name: "status", label: "Status", control: "select", choices: [{ value: "in_force", label: "In force" }], initial: "in_force" },
        ],
      },
      { name: "demands", label: "Data demanded", control: "lines", extra: 2 },
    ],
  },
];
const fields = (views: ReturnType<typeof toFieldViews>) => views.groups[0]!.fields;

describe("field views", () => {
  it("says what a date means beside it: the weekday for a day, the month for a month, a range's last day", () => {
    const day = fields(toFieldViews(groups, valuesFromRecord(groups, { dateFiled: "2025-09-19", dateDue: "2026-12-01" }), []));
    expect(day[0]!.parts[0]!.weekday).toBe("Friday, September 19, 2025");
    expect(day[1]!.weekday).toBe("Tuesday, December 1, 2026");
    const month = fields(toFieldViews(groups, valuesFromRecord(groups, { dateFiled: "2025-04-01", dateFiledPrecision: "month" }), []));
    expect(month[0]!.parts[0]!.weekday).toBe("means: April 2025");
    const range = fields(
      toFieldViews(
        groups,
        valuesFromRecord(groups, { dateFiled: "2025-09-01", dateFiledLatest: "2025-09-05", dateFiledPrecision: "range" }),
        [],
      ),
    );
    expect(range[0]!.parts[0]!.weekday).toBe("means: between September 1, 2025 and September 5, 2025");
    expect(range[0]!.parts[2]!.weekday).toBe("Friday, September 5, 2025");
    const bad = fields(toFieldViews(groups, valuesFromBody(groups, { dateDue: "2026-02-30" }), []));
    expect(bad[1]!.weekday).toBeNull();
  });

  it("puts each error beside its input, in the form's words, and lists them with links", () => {
    const views = toFieldViews(groups, valuesFromBody(groups, {}), [
      { path: "dateFiledLatest", message: 'is required when dateFiledPrecision is "range"' },
      { path: "coverage.0.subpoenaId", message: "is required" },
      { path: "demands.1", message: "must not be empty" },
      { path: "body", message: "must be a JSON object" },
    ]);
    const [fuzzy, , rows, lines] = fields(views);
    expect(fuzzy!.parts[2]!.error).toBe('Date filed: latest possible day is required when “Date filed: how exact” is "range"');
    expect(rows!.rows[0]!.cells[0]!.error).toBe("Subpoena (row 1) is required");
    expect(rows!.rows[0]!.cells[0]!.describedBy).toBe("f-coverage-0-subpoenaId-error");
    expect(lines!.lines[1]!.error).toBe("Data demanded, item 2, must not be empty");
    expect(views.errorSummary.map((e) => e.href)).toEqual(["#f-dateFiledLatest", "#f-coverage-0-subpoenaId", "#f-demands-1", null]);
  });

  it("drops the rows and lines a user left empty, and numbers the rest from 0", () => {
    const body = cleanBody(groups, {
      "coverage[0][subpoenaId]": "",
      "coverage[0][status]": "in_force",
      "coverage[1][subpoenaId]": "3",
      "coverage[1][status]": "in_force",
      "coverage[2][subpoenaId]": "3",
      "coverage[2][status]": "in_force",
      "coverage[2][_remove]": "true",
      demands: ["", "IP addresses", "  "],
    });
    expect(body).toEqual({ "coverage[0][subpoenaId]": "3", "coverage[0][status]": "in_force", demands: ["IP addresses"] });
    const rows = fields(toFieldViews(groups, valuesFromBody(groups, body), []))[2]!.rows;
    expect(rows.map((r) => r.legend)).toEqual(["Row 1", "New row"]);
    expect(rows[0]!.cells.map((c) => c.name)).toEqual(["coverage[0][subpoenaId]", "coverage[0][status]", "coverage[0][_remove]"]);
  });

  it("keeps a stored value that is no longer among the choices, rather than dropping it silently", () => {
    const rows = fields(toFieldViews(groups, valuesFromRecord(groups, { coverage: [{ subpoenaId: 99, status: "in_force" }] }), []))[2]!
      .rows;
    const select = rows[0]!.cells[0]!;
    expect(select.choices.find((c) => c.selected)).toEqual({ value: "99", label: "99 (not in the list)", selected: true });
  });
});
