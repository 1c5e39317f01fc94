import { describe, expect, it } from "vitest";
import { formInput } from "../../server/forms/form-input";
import { EntryCreate, EntryUpdate, MotionCreate, OrderCreate } from "../../server/editing/schemas";

describe("formInput: HTML form bodies to the edit schemas' JSON types", () => {
  it("parses numbers, keeps only the schema's fields, and lets the schema say what is wrong", () => {
    const input = formInput(EntryCreate, {
      _csrf: "t",
      version: "3",
      number: "12",
      sequence: "4.5",
      dateFiled: "2025-09-18",
      description: "Motion",
      kind: "",
    });
    expect(input).toEqual({ number: 12, sequence: 4.5, dateFiled: "2025-09-18", description: "Motion" });
    expect(EntryCreate.parse(input)).not.toHaveProperty("kind");
    const bad = EntryCreate.safeParse(formInput(EntryCreate, { number: "twelve", dateFiled: "", description: "" }));
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["number", "must be a whole number"],
      ["dateFiled", "is required"],
      ["description", "is required"],
    ]);
  });

  it("turns an empty optional field into null, so clearing a field clears it", () => {
    expect(EntryUpdate.parse(formInput(EntryUpdate, { number: "", dateEntered: "", filedBy: "  " }))).toEqual({
      number: null,
      dateEntered: null,
      filedBy: null,
    });
  });

  it("reads checkboxes: absent means false only for the boxes the form shows; a hidden false before the box", () => {
    // A new entry's Sealed box (sealing a stored entry is a decision with its order, not a field).
    expect(formInput(EntryCreate, {}, { unchecked: ["sealed"] })).toEqual({ sealed: false });
    expect(formInput(EntryCreate, {})).toEqual({});
    expect(formInput(EntryCreate, { sealed: "on" })).toEqual({ sealed: true });
    expect(formInput(EntryCreate, { sealed: ["false", "true"] })).toEqual({ sealed: true });
    expect(formInput(EntryCreate, { sealed: "false" })).toEqual({ sealed: false });
    expect(formInput(EntryUpdate, { sealed: "on" })).toEqual({});
  });

  it("reads multi-selects and lists of rows (name[0][field])", () => {
    expect(formInput(MotionCreate, { movantPartyIds: ["3", "1"] })).toEqual({ movantPartyIds: [3, 1] });
    expect(formInput(MotionCreate, { movantPartyIds: "3" })).toEqual({ movantPartyIds: [3] });
    expect(formInput(MotionCreate, {}, { unchecked: ["movantPartyIds"] })).toEqual({ movantPartyIds: [] });
    const order = formInput(OrderCreate, {
      title: "Order",
      kind: "stay",
      "dispositions[0][motionId]": "4",
      "dispositions[0][disposition]": "granted",
      "coverage[0][subpoenaId]": "2",
      "coverage[0][accountId]": "",
      "coverage[1][subpoenaId]": "5",
    });
    expect(order).toEqual({
      title: "Order",
      kind: "stay",
      dispositions: [{ motionId: 4, disposition: "granted" }],
      coverage: [{ subpoenaId: 2, accountId: null }, { subpoenaId: 5 }],
    });
    expect(OrderCreate.safeParse(order).success).toBe(true);
  });
});
