import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { appWithStaffBrowser, errorBeside, flashText, type StaffBrowser } from "./helpers";

describe("docket entry forms", () => {
  let app: FastifyInstance;
  let db: Db;
  let browser: StaffBrowser;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db, browser } = await appWithStaffBrowser());
    caseId = insertCase(db, { slug: "doe-v-dhs", label: "Doe v. DHS" }).id;
  });
  afterEach(async () => app.close());

  const storedEntries = () =>
    app.db.$client.prepare("SELECT * FROM docket_entries WHERE case_id = ? ORDER BY sequence").all(caseId) as Record<string, unknown>[];

  it("opens the quick form with the number focused, then the date, then the text", async () => {
    const $ = parseHtml((await browser.get("/staff/cases/doe-v-dhs/entries/new")).body);
    expect($("h1").text()).toBe("Add docket entries");
    const inputs = $("form.record-form fieldset.form-group")
      .first()
      .find("input, select")
      .map((_, el) => $(el).attr("name"))
      .get();
    expect(inputs).toEqual(["number", "dateFiled", "description", "kind"]);
    expect($("#f-number").attr("autofocus")).toBeDefined();
    expect($("#f-description").attr("type")).toBe("text");
    expect($("#f-kind option").first().text()).toBe("guess from the text");
    // The first submit button of the form is "save": Enter in the date field saves the entry.
    expect($("form.record-form button[type=submit]").first().text()).toBe("Save and add another");
  });

  it("creates an entry: 303 back to an empty form, the entry stored with a revision, the kind read from the text", async () => {
    const res = await browser.post("/staff/cases/doe-v-dhs/entries", {
      number: "12",
      dateFiled: "2025-09-19",
      description: "ORDER granting motion to proceed pseudonymously",
      kind: "",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/staff/cases/doe-v-dhs/entries/new");
    const [entry] = storedEntries();
    expect(entry).toMatchObject({ number: 12, date_filed: "2025-09-19", kind: "order", source: "manual", stricken: 0 });
    const revisions = app.editing.revisions("entry", entry!.id as number);
    expect(revisions.map((r) => [r.action, r.actor])).toEqual([["create", "editor@example.org"]]);
    const next = await browser.follow(res);
    expect(flashText(next.body)).toBe("Saved the docket entry ECF No. 12, filed Friday, September 19, 2025 (Order).");
    const $ = parseHtml(next.body);
    expect($("#f-number").attr("value")).toBe("");
    expect($(".related-list li").first().text()).toContain("ECF No. 12");
  });

  it("lets a clerk type a run of entries: three in a row, each confirmed once, each in docket order", async () => {
    const run = [
      { number: "1", dateFiled: "2025-09-18", description: "MOTION to Quash Subpoena filed by J. Doe." },
      { number: "2", dateFiled: "2025-09-18", description: "Declaration of J. Doe in support of [1] MOTION to Quash" },
      { number: "3", dateFiled: "2025-09-19", description: "ORDER granting [1] motion, Meta not to produce pending ruling" },
    ];
    for (const form of run) {
      const res = await browser.post("/staff/cases/doe-v-dhs/entries", { ...form, kind: "" });
      expect(res.statusCode).toBe(303);
      const page = await browser.follow(res);
      expect(flashText(page.body)).toContain(`ECF No. ${form.number}`);
    }
    expect(storedEntries().map((e) => [e.number, e.kind])).toEqual([
      [1, "motion"],
      [2, "declaration"],
      [3, "order"],
    ]);
    // The confirmation was read and cleared: the next page does not show it again.
    expect(flashText((await browser.get("/staff/cases/doe-v-dhs/entries/new")).body)).toBeNull();
  });

  it("re-renders with 422, the input kept, the error beside each field and a summary linking to them", async () => {
    const res = await browser.post("/staff/cases/doe-v-dhs/entries", {
      number: "x1",
      dateFiled: "2025-02-30",
      description: "MOTION to Quash",
      kind: "",
    });
    expect(res.statusCode).toBe(422);
    expect(storedEntries()).toHaveLength(0);
    const $ = parseHtml(res.body);
    expect($("#f-number").attr("value")).toBe("x1");
    expect($("#f-dateFiled").attr("value")).toBe("2025-02-30");
    expect($("#f-description").attr("value")).toBe("MOTION to Quash");
    expect(errorBeside(res.body, "f-number")).toBe("ECF number must be a whole number");
    expect(errorBeside(res.body, "f-dateFiled")).toBe("Date filed must be a real date in YYYY-MM-DD form");
    expect(
      $("#error-summary a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["#f-number", "#f-dateFiled"]);
    // The guess is shown, and can be changed.
    expect($("#f-kind-hint").text()).toContain("Will be saved as “Motion”");
  });

  it("shows the weekday of a valid date when the form comes back", async () => {
    const res = await browser.post("/staff/cases/doe-v-dhs/entries", { number: "", dateFiled: "2025-09-19", description: "" });
    expect(res.statusCode).toBe(422);
    const $ = parseHtml(res.body);
    expect($("#f-dateFiled-weekday").text()).toBe("Friday, September 19, 2025");
    expect(errorBeside(res.body, "f-description")).toBe("Docket text is required");
    // The focus goes to the field to correct, not back to the number.
    expect(
      $("[autofocus]")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["f-description"]);
  });

  it("shows the service's refusal beside the field: a number already used in the case", async () => {
    insertEntry(db, caseId, { number: 4 });
    const res = await browser.post("/staff/cases/doe-v-dhs/entries", {
      number: "4",
      dateFiled: "2025-09-20",
      description: "NOTICE of appearance",
    });
    expect(res.statusCode).toBe(422);
    expect(errorBeside(res.body, "f-number")).toBe("ECF number is already the number of another entry of this case (ECF No. 4)");
    expect(storedEntries()).toHaveLength(1);
  });

  it("edits an entry and redirects to it on the docket, with the confirmation", async () => {
    const entry = insertEntry(db, caseId, { number: 7, description: "Old text" });
    const form = await browser.get(`/staff/cases/doe-v-dhs/entries/${entry.id}/edit`);
    const $ = parseHtml(form.body);
    expect($("textarea#f-description").text()).toBe("Old text");
    expect($("input[name=version]").attr("value")).toBe("1");
    const res = await browser.post(`/staff/cases/doe-v-dhs/entries/${entry.id}`, {
      version: "1",
      number: "7",
      dateFiled: "2025-09-18",
      description: "New text",
      kind: "notice",
      source: "manual",
      reason: "typo",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/doe-v-dhs#entry-${entry.id}`);
    const after = app.editing.find("entry", entry.id)!;
    expect(after).toMatchObject({ description: "New text", kind: "notice", version: 2 });
    expect(app.editing.revisions("entry", entry.id).at(-1)).toMatchObject({ action: "update", reason: "typo" });
    expect(flashText((await browser.follow(res)).body)).toContain("Saved the docket entry ECF No. 7");
    // Documents are attached on the entry's documents page.
    const documents = parseHtml((await browser.get(`/staff/cases/doe-v-dhs/entries/${entry.id}/edit`)).body);
    expect(documents(`a[href="/staff/cases/doe-v-dhs/entries/${entry.id}/documents"]`).text()).toContain("Attach");
  });

  it("sends the editor back to the entry's row even when it is past the docket's first page", async () => {
    for (let i = 0; i < 120; i++) insertEntry(db, caseId, { number: 100 + i, sequence: 100 + i });
    const last = insertEntry(db, caseId, { number: 999, sequence: 999 });
    const saved = await browser.post(`/staff/cases/doe-v-dhs/entries/${last.id}`, {
      version: "1",
      number: "999",
      dateFiled: "2025-09-18",
      description: "Renamed",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/cases/doe-v-dhs?page=2#entry-${last.id}`);
  });

  it("strikes and unstrikes an entry: it stays on the docket, marked, and is never deleted", async () => {
    const entry = insertEntry(db, caseId, { number: 3 });
    const struck = await browser.post(`/staff/cases/doe-v-dhs/entries/${entry.id}/strike`, { version: "1" });
    expect(struck.statusCode).toBe(303);
    expect(app.editing.find("entry", entry.id)).toMatchObject({ stricken: true, deletedAt: null });
    const docket = parseHtml((await browser.follow(struck)).body);
    expect(docket(`#entry-${entry.id} .badge`).text()).toContain("stricken");
    expect(docket(`#entry-${entry.id} form[action$="/unstrike"] button`).text()).toContain("Unstrike");
    const back = await browser.post(`/staff/cases/doe-v-dhs/entries/${entry.id}/unstrike`, { version: "2" });
    expect(back.statusCode).toBe(303);
    expect(app.editing.find("entry", entry.id)).toMatchObject({ stricken: false, version: 3 });
    expect(app.editing.revisions("entry", entry.id).map((r) => r.action)).toEqual(["create", "update", "update"]);
    // There is no delete for an entry.
    expect((await browser.post(`/staff/cases/doe-v-dhs/entries/${entry.id}/delete`, { version: "3" })).statusCode).toBe(404);
  });

  it("does not open an entry through another case's URL", async () => {
    const other = insertCase(db, { slug: "other" });
    const entry = insertEntry(db, other.id);
    expect((await browser.get(`/staff/cases/doe-v-dhs/entries/${entry.id}/edit`)).statusCode).toBe(404);
    expect((await browser.post(`/staff/cases/doe-v-dhs/entries/${entry.id}`, { version: "1", description: "x" })).statusCode).toBe(404);
    expect(app.editing.find("entry", entry.id)!.version).toBe(1);
    expect((await browser.get("/staff/cases/no-such-case/entries/new")).statusCode).toBe(404);
  });
});
