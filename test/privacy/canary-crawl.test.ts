import type { FastifyInstance } from "fastify";
import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createSubscriptionsRepository } from "../../server/alerts/subscriptions";
import { attachDocument } from "../../server/documents/service";
import { readPdf } from "../../server/documents/pdf";
import { PUBLIC_FIELDS } from "../../server/privacy/projection";
import { RECORD_TABLES, type EditableType } from "../../server/records/tables";
import { call, setupWriteApi } from "../api-write/helpers";
import { minimalPdf, tempDataDir } from "../documents/support";
import { fixtureBytes, importOk } from "../imports/support";
import { insertUser } from "../support/auth";
import { testActor } from "../support/db";
import {
  citeSource,
  insertAccount,
  insertAttorney,
  insertCase,
  insertCourt,
  insertDeadline,
  insertDemand,
  insertDocument,
  insertEntry,
  insertEvent,
  insertHearing,
  insertJudge,
  insertMotion,
  insertArgument,
  insertAuthority,
  insertDoctrine,
  linkArgumentAuthority,
  insertOrder,
  insertOrganization,
  insertParty,
  insertRepresentation,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
  linkMotionMovant,
  linkPartyAccount,
} from "../support/factories";
import { crawlPublic, getRoutes, orderAndEventSlugs, publicRouteUrls, routeMatches, type CrawledAnswer } from "../support/public-routes";

/*
 * Issue 9.4, the privacy crawl. Canaries go into every private place of one database: every
 * private column of every record type (staff notes, PACER's address lines, counsel's contact
 * block, extracted PDF text, original import text, PACER links, seal reasons and orders), an
 * unpublished case and everything of it, a PACER file of another matter imported with the
 * defaults (its real names), staff accounts and API tokens, and the reasons staff give. A second set is first public — a docket entry, a document and its PDF, a party's real
 * name, a whole case, a subpoena, an event — and the crawl proves it reaches the public; then
 * staff seal, rename and delete them through the write API (the stored pages are warm by then)
 * and the crawl runs again: every public route in Fastify's route table with values from the
 * records, the private records' own addresses (their error pages), and every link the answers
 * carry, pages, JSON, Atom, iCalendar and downloads alike. No canary may appear anywhere, in a
 * body or a header.
 */

/** Letters only, so neither the redactor nor a guard that looks for numbers touches them; each is one word to a tokenizer. */
const canary = (where: string) => `zqcanary${where.replace(/[^a-z]/gi, "").toLowerCase()}`;

/** A body as a reader's program reads it: iCalendar lines unfolded, escapes undone (as every-text-field does). */
const readable = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, "")
    .replace(/\\([,;\\])/g, "$1")
    .toLowerCase();

type Place = { where: string; canary: string };

/** Private columns are the string columns the public projection leaves out; timestamps and the file's hash are bookkeeping, not text. */
function privateTextColumns(type: EditableType): string[] {
  const columns = getTableColumns(RECORD_TABLES[type]) as Record<string, { dataType: string; enumValues?: unknown[] }>;
  const shown = new Set<string>(PUBLIC_FIELDS[type]);
  return Object.entries(columns)
    .filter(([name, c]) => !shown.has(name) && c.dataType === "string" && !c.enumValues && !/At$/.test(name) && name !== "fileSha256")
    .map(([name]) => name);
}

describe("the canary privacy crawl (issue 9.4)", () => {
  let app: FastifyInstance;
  let db: Db;
  let tokens: Awaited<ReturnType<typeof setupWriteApi>>["tokens"];
  /** Never public: planted where no public surface may look. */
  const hidden: Place[] = [];
  /** Public at first, then sealed, renamed away or deleted by staff. */
  const takenBack: Place[] = [];
  let before: Map<string, CrawledAnswer>;
  let after: Map<string, CrawledAnswer>;
  let seeds: string[];

  const hide = (where: string) => {
    const c = canary(where);
    hidden.push({ where, canary: c });
    return c;
  };
  const takeBack = (where: string) => {
    const c = canary(where);
    takenBack.push({ where, canary: c });
    return c;
  };

  // Words beside the canaries of a sealed entry and a sealed case: the page echoes its query, so never a canary itself.
  const SEARCHES = ["/search?q=declaration%20OR%20jury", "/api/v1/search?q=declaration%20OR%20jury"];
  const hasSearch = () => getRoutes(app).some((r) => routeMatches(r, "/search"));

  const versionOf = (type: EditableType, id: number) => app.store.find(type, id)!.version;
  async function write(method: "POST" | "PATCH" | "DELETE", url: string, type: EditableType, id: number, body?: unknown) {
    const res = await call(app, method, url, { token: tokens.editor, body, headers: { "if-match": `"${versionOf(type, id)}"` } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  }

  beforeAll(async () => {
    const dataDir = tempDataDir();
    ({ app, db, tokens } = await setupWriteApi({ dataDir }));
    await insertUser(db, { email: `${hide("staffemail")}@example.org`, name: hide("staff name"), role: "editor" });
    app.accounts.createToken("editor@example.org", hide("token label"));

    insertCourt(db);
    const judge = insertJudge(db, { slug: "hixson", name: "Thomas S. Hixson" });
    const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
    const dhs = insertOrganization(db, { slug: "dhs", name: "Department of Homeland Security", shortName: "DHS", kind: "agency" });
    const source = insertSource(db, { tag: "S01", title: "Docket report" });

    // The public case: most of it stays public, and in it an entry, a document and a name are sealed later.
    const kase = insertCase(db, {
      slug: "doe-v-dhs",
      courtId: "cand",
      docketNumber: "3:25-mc-80200-TSH",
      caption: "Doe v. DHS",
      assignedJudgeId: judge.id,
      dateFiled: "2025-09-18",
      dateFiledPrecision: "day",
    });
    citeSource(db, "case", kase.id, source.id);
    const movant = insertParty(db, kase.id, { name: "J. Doe", role: "Movant", pseudonymous: true });
    const account = insertAccount(db, { slug: "watcher", handle: "@watcher", platformId: meta.id });
    linkPartyAccount(db, movant.id, account.id);
    const attorney = insertAttorney(db, { slug: "counsel", name: "A. Lawyer", organizationId: dhs.id });
    insertRepresentation(db, movant.id, { attorneyId: attorney.id, roles: "LEAD ATTORNEY" });
    const open = insertEntry(db, kase.id, { number: 1, sequence: 1, description: "MOTION to Quash", kind: "motion" });
    citeSource(db, "entry", open.id, source.id);
    const pdf = minimalPdf(["Motion to quash, page one"]);
    attachDocument(
      db,
      app.store,
      app.clock,
      dataDir,
      {
        entryId: open.id,
        attachmentNumber: 0,
        description: "Motion",
        sealed: false,
        bytes: pdf,
        fileName: "motion.pdf",
        contents: await readPdf(pdf),
      },
      { userId: null, label: "test" },
    );
    const toSeal = insertEntry(db, kase.id, {
      number: 2,
      sequence: 2,
      description: `${takeBack("sealed entry text")} declaration`,
      shortDescription: takeBack("sealed entry short text"),
      filedBy: takeBack("sealed entry filer"),
    });
    citeSource(db, "entry", toSeal.id, source.id, { quote: `${takeBack("sealed entry quote")} says the docket` });
    const exhibitPdf = minimalPdf([`${takeBack("sealed pdf text")} exhibit`]);
    const { document: exhibit } = attachDocument(
      db,
      app.store,
      app.clock,
      dataDir,
      {
        entryId: open.id,
        attachmentNumber: 1,
        description: takeBack("sealed document description"),
        sealed: false,
        bytes: exhibitPdf,
        fileName: "exhibit.pdf",
        contents: await readPdf(exhibitPdf),
      },
      { userId: null, label: "test" },
    );
    const named = insertParty(db, kase.id, {
      name: takeBack("sealed party name"),
      role: "Interested Party",
      pseudonymous: false,
      description: `${takeBack("sealed party description")} a nurse`,
    });
    citeSource(db, "party", named.id, source.id, { quote: `${takeBack("sealed party quote")} named in the letter` });
    // A name the docket later anonymised: the real name lives on only in the party's history.
    const renamed = insertParty(db, kase.id, { name: takeBack("real name behind pseudonym"), role: "Movant", pseudonymous: false });
    const gone = insertParty(db, kase.id, { name: takeBack("deleted party"), role: "Respondent" });
    const motion = insertMotion(db, kase.id, { entryId: open.id, status: "pending", title: "Motion to quash" });
    linkMotionMovant(db, motion.id, movant.id);
    insertHearing(db, kase.id, { judgeId: judge.id, motionId: motion.id, date: "2026-12-10", time: "10:00", place: "Courtroom E" });
    insertDeadline(db, kase.id, { motionId: motion.id, label: "Opposition due", dateDue: "2026-12-01" });
    const subpoena = insertSubpoena(db, {
      slug: "dhs-to-meta",
      title: "DHS subpoena to Meta",
      issuerId: dhs.id,
      recipientId: meta.id,
      dateIssued: "2025-09-03",
      dateIssuedPrecision: "day",
    });
    citeSource(db, "subpoena", subpoena.id, source.id);
    linkCaseSubpoena(db, kase.id, subpoena.id);
    insertDemand(db, subpoena.id, "Subscriber information");
    const deletedSubpoena = insertSubpoena(db, {
      slug: "withdrawn-subpoena",
      title: takeBack("deleted subpoena title"),
      summary: takeBack("deleted subpoena summary"),
      issuerId: dhs.id,
      recipientId: meta.id,
    });
    citeSource(db, "subpoena", deletedSubpoena.id, source.id);
    const deletedEvent = insertEvent(db, {
      slug: "mistaken",
      kind: "withdrawal",
      title: takeBack("deleted event title"),
      description: takeBack("deleted event description"),
      date: "2025-10-02",
      subpoenaId: subpoena.id,
    });
    citeSource(db, "event", deletedEvent.id, source.id);

    // A whole case sealed after the fact, with everything of it.
    const sealedCase = insertCase(db, {
      slug: "sealed-matter",
      caption: takeBack("sealed case caption"),
      summary: `${takeBack("sealed case summary")} before the grand jury`,
      courtId: "cand",
      group: "related",
      docketNumber: "3:25-mc-80300",
    });
    citeSource(db, "case", sealedCase.id, source.id);
    const sealedCaseEntry = insertEntry(db, sealedCase.id, { number: 1, description: takeBack("sealed case entry") });
    insertParty(db, sealedCase.id, { name: takeBack("sealed case party"), role: "Movant" });
    insertHearing(db, sealedCase.id, { judgeId: judge.id, date: "2026-12-11", time: "09:00", title: takeBack("sealed case hearing") });
    insertDeadline(db, sealedCase.id, { label: takeBack("sealed case deadline"), dateDue: "2026-12-02" });
    insertOrder(db, sealedCase.id, {
      slug: "sealed-order",
      title: takeBack("sealed case order"),
      entryId: sealedCaseEntry.id,
      judgeId: judge.id,
      dateSigned: "2025-11-01",
      dateSignedPrecision: "day",
    });
    insertEvent(db, {
      slug: "sealed-case-event",
      kind: "filing",
      title: takeBack("sealed case event"),
      date: "2025-11-02",
      caseId: sealedCase.id,
    });

    // A case never published (an import for another matter): nothing of it is public, ever.
    const unpublished = insertCase(db, {
      slug: "unrelated-matter",
      caption: hide("unpublished caption"),
      summary: hide("unpublished summary"),
      courtId: "cand",
      group: "unsorted",
      published: false,
      docketNumber: "3:09-cr-00100",
    });
    citeSource(db, "case", unpublished.id, source.id);
    // A PACER file for another matter, imported with the defaults: its names, its judge and the docket report it came from stay staff-only.
    await importOk(db, dataDir, "cand_3.html", fixtureBytes("district/cand_3.html"));
    for (const word of ["Alfaro-Medina", "3:09-cr-00418", "Jeffrey S. White"])
      hidden.push({ where: `imported ${word}`, canary: word.toLowerCase() });
    const unpublishedEntry = insertEntry(db, unpublished.id, {
      number: 1,
      description: hide("unpublished entry"),
      filedBy: hide("unpublished filer"),
    });
    insertDocument(db, unpublishedEntry.id, { description: hide("unpublished document") });
    insertParty(db, unpublished.id, { name: hide("unpublished party"), role: "Defendant" });
    insertHearing(db, unpublished.id, { judgeId: judge.id, date: "2026-12-12", time: "11:00", title: hide("unpublished hearing") });
    insertDeadline(db, unpublished.id, { label: hide("unpublished deadline"), dateDue: "2026-12-03" });
    insertOrder(db, unpublished.id, {
      slug: "unpublished-order",
      title: hide("unpublished order"),
      judgeId: judge.id,
      dateSigned: "2025-11-01",
      dateSignedPrecision: "day",
    });
    const unpublishedMotion = insertMotion(db, unpublished.id, { title: hide("unpublished motion"), status: "pending" });
    // The law students' records (issue 11): a doctrine and an authority the public sees, an
    // argument in the open motion, and arguments of the sealed entry and the unpublished case.
    const doctrine = insertDoctrine(db, { slug: "anonymous-speech", tags: "anonymous-speech" });
    const authority = insertAuthority(db, { slug: "talley", doctrineTags: "anonymous-speech" });
    linkArgumentAuthority(
      db,
      insertArgument(db, { motionId: motion.id, entryId: open.id, doctrineTag: "anonymous-speech" }).id,
      authority.id,
    );
    linkArgumentAuthority(
      db,
      insertArgument(db, { entryId: sealedCaseEntry.id, doctrineTag: "anonymous-speech", text: takeBack("sealed case argument") }).id,
      authority.id,
    );
    linkArgumentAuthority(
      db,
      insertArgument(db, { motionId: unpublishedMotion.id, doctrineTag: "anonymous-speech", text: hide("unpublished argument") }).id,
      authority.id,
    );
    insertEvent(db, {
      slug: "unpublished-event",
      kind: "filing",
      title: hide("unpublished event"),
      date: "2025-11-03",
      caseId: unpublished.id,
    });

    // Every private column of every row, through the record store as any write.
    for (const type of Object.keys(RECORD_TABLES) as EditableType[]) {
      const columns = privateTextColumns(type);
      if (columns.length === 0) continue;
      for (const row of db.select().from(RECORD_TABLES[type]).all() as { id: number | string }[]) {
        app.store.update(type, row.id, Object.fromEntries(columns.map((c) => [c, hide(`${type} ${c} ${row.id}`)])) as never, {
          actor: testActor,
        });
      }
    }

    // Alerts: a reader's address and private note, a webhook's URL and signing secret. The crawl
    // opens a second reader's own alert pages with real tokens (they print no address either).
    const alerts = createSubscriptionsRepository(db, () => app.clock.now());
    const reader = alerts.subscribe({
      email: `${hide("subscriber email")}@example.org`,
      target: "case",
      targetId: kase.id,
      query: null,
      frequency: "immediate",
      excludedKinds: [],
      note: hide("subscriber note"),
    });
    alerts.confirm(reader.subscription.confirmToken);
    const second = alerts.subscribe({
      email: `${hide("second subscriber email")}@example.org`,
      target: "all",
      targetId: null,
      query: null,
      frequency: "daily",
      excludedKinds: [],
      note: null,
    });
    alerts.confirm(second.subscription.confirmToken);
    const hook = alerts.addWebhook({
      url: `https://${hide("webhook host")}.example.org/hook`,
      label: hide("webhook label"),
      events: ["entry", "status"],
      createdBy: "test",
    });
    hidden.push({ where: "webhook secret", canary: hook.secret.toLowerCase() });

    const cases = [kase.slug, sealedCase.slug, unpublished.slug, "cand-3-09-cr-00418"];
    const entries = [open.id, toSeal.id, sealedCaseEntry.id, unpublishedEntry.id].map(String);
    const documents = (db.select().from(RECORD_TABLES.document).all() as { id: number }[]).map((d) => String(d.id));
    seeds = [
      ...(await publicRouteUrls(app, {
        "cases/:slug": cases,
        "subpoenas/:slug": [subpoena.slug, deletedSubpoena.slug],
        "judges/:slug": [judge.slug],
        "entries/:entryId": entries,
        "documents/:documentId": documents,
        "confirm/:token": [second.subscription.confirmToken],
        "manage/:token": [second.subscriber.token],
        "unsubscribe/:token": [second.subscriber.token],
        ":token/:id": [String(second.subscription.id)],
        "motions/:motionId": [String(motion.id), String(unpublishedMotion.id)],
        "doctrine/:slug": [doctrine.slug],
        "doctrines/:slug": [doctrine.slug],
        "authorities/:slug": [authority.slug],
        ...orderAndEventSlugs(db),
      })),
      // Error pages, and what a mistyped address shows.
      "/no-such-page",
      `/cases/${kase.slug}/entries/new`,
      "/api/v1/no-such-collection",
      `/cases/${kase.slug}?q=zqcanary`,
      `/cases/${kase.slug}?order=sideways`,
      "/api/v1/cases?group=unsorted",
      "/cases?group=unsorted",
    ];
    if (hasSearch()) seeds.push(...SEARCHES);

    before = await crawlPublic(app, seeds, { origin: app.config.publicUrl });

    // Staff take the public places back, each as the court or the record asks, through the write API.
    const seal = { orderReference: hide("seal order"), reason: hide("seal reason") };
    await write("POST", `/api/v1/entries/${toSeal.id}/seal`, "entry", toSeal.id, seal);
    await write("POST", `/api/v1/documents/${exhibit.id}/seal`, "document", exhibit.id, seal);
    await write("POST", `/api/v1/parties/${named.id}/seal`, "party", named.id, seal);
    await write("POST", `/api/v1/cases/${sealedCase.slug}/seal`, "case", sealedCase.id, seal);
    await write("PATCH", `/api/v1/parties/${renamed.id}`, "party", renamed.id, { name: "R. Roe", pseudonymous: true });
    await write("DELETE", `/api/v1/parties/${gone.id}`, "party", gone.id);
    await write("DELETE", `/api/v1/subpoenas/${deletedSubpoena.slug}`, "subpoena", deletedSubpoena.id);
    await write("DELETE", `/api/v1/events/${deletedEvent.id}`, "event", deletedEvent.id);

    after = await crawlPublic(app, seeds, { origin: app.config.publicUrl });
  }, 120_000);
  afterAll(async () => app.close());

  const leaksIn = (answers: Map<string, CrawledAnswer>, places: Place[]) => {
    const leaks: string[] = [];
    for (const [url, answer] of answers) {
      const text = readable(`${answer.headers}\n${answer.body}`);
      for (const place of places) if (text.includes(place.canary)) leaks.push(`${url} shows ${place.where}`);
    }
    return leaks;
  };

  it("plants canaries in every private column, an unpublished case, staff accounts and reasons, and crawls the whole public site", () => {
    const where = hidden.map((p) => p.where);
    for (const column of [
      "judge notes",
      "attorney contact",
      "party extraInfo",
      "entry originalText",
      "document extractedText",
      "document pacerUrl",
      "hearing notes",
      "deadline notes",
      "case sealReason",
    ]) {
      expect(
        where.some((w) => w.startsWith(column)),
        column,
      ).toBe(true);
    }
    const bytes = [...after.values()].reduce((sum, a) => sum + a.bytes, 0);
    const kinds = new Set([...after.values()].map((a) => a.contentType.split(";")[0]));
    console.log(
      `canary crawl: ${hidden.length + takenBack.length} canaries planted (${hidden.length} never public, ${takenBack.length} taken back), ${before.size} URLs before and ${after.size} after the seals, ${bytes} bytes after, as ${[...kinds].sort().join(", ")}`,
    );
    expect(after.size).toBeGreaterThan(60);
    for (const kind of ["text/html", "application/json", "application/atom+xml", "text/calendar", "application/pdf"])
      expect(kinds, kind).toContain(kind);
    for (const [url, answer] of [...before, ...after]) expect(answer.status, url).toBeLessThan(500);
  });

  it("finds every place staff take back on the public surfaces before they do, so the crawl can see them", () => {
    const unseen = takenBack.filter((p) => leaksIn(before, [p]).length === 0).map((p) => p.where);
    expect(unseen).toEqual([]);
  });

  it("finds what staff later seal through public search before they seal it, once there is a public search", () => {
    if (!hasSearch()) return;
    for (const url of SEARCHES) {
      expect(before.get(url)?.status, url).toBe(200);
      expect(leaksIn(new Map([[url, before.get(url)!]]), takenBack).length, url).toBeGreaterThan(0);
    }
  });

  it("never shows a private canary, before or after", () => {
    expect(leaksIn(before, hidden)).toEqual([]);
    expect(leaksIn(after, hidden)).toEqual([]);
  });

  it("shows nothing sealed, renamed away or deleted after staff take it back, stored pages included", () => {
    expect(leaksIn(after, takenBack)).toEqual([]);
  });

  it("answers the private records' own addresses as not found", () => {
    for (const url of [
      "/cases/unrelated-matter",
      "/cases/sealed-matter",
      "/api/v1/cases/sealed-matter",
      "/subpoenas/withdrawn-subpoena",
      "/api/v1/subpoenas/withdrawn-subpoena",
    ]) {
      expect(after.get(url)?.status, url).toBe(404);
    }
  });
});
