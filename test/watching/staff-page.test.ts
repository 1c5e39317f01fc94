import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createCourtFeedsRepository } from "../../server/court-feeds/repository";
import { createNefIntakeRepository } from "../../server/nef-intake/repository";
import { buildTestApp } from "../support/app";
import { csrfFrom, insertUser, postForm, signIn } from "../support/auth";
import { insertCase, insertCourt } from "../support/factories";
import { collapseWhitespace, parseHtml } from "../support/html";
import { tempDataDir } from "../imports/support";

let app: FastifyInstance;
let db: Db;
beforeEach(async () => {
  ({ app, db } = await buildTestApp({ config: { dataDir: tempDataDir() } }));
  insertCourt(db, { id: "cand" });
  insertCase(db, {
    slug: "doe-v-dhs",
    courtId: "cand",
    docketNumber: "3:25-mc-80001-TSH",
    docketNumberCore: "3:25-mc-80001",
    label: "Doe v. DHS",
  });
  insertCase(db, { slug: "no-number", courtId: "cand", docketNumber: null, label: "Motion reported by the press" });
});
afterEach(() => app.close());

async function as(role: "viewer" | "editor" | "admin") {
  await insertUser(db, { role, email: `${role}@example.org` });
  const cookie = await signIn(app, `${role}@example.org`);
  const page = await app.inject({ url: "/staff/watching", headers: { cookie } });
  return { cookie, page, csrf: csrfFrom(page.body) };
}

describe("the Watched dockets page", () => {
  it("says nothing is polled until a case is watched, and lists only cases with a court and a number as watchable", async () => {
    const { page } = await as("editor");
    expect(page.statusCode).toBe(200);
    const $ = parseHtml(page.body);
    expect($("h1").text()).toBe("Watched dockets");
    expect(collapseWhitespace($("#feeds").text())).toContain("No court is polled: no case is watched.");
    expect(collapseWhitespace($("details").first().text())).toContain("Doe v. DHS 3:25-mc-80001-TSH (cand)");
    expect($("details").first().text()).not.toContain("Motion reported by the press");
    expect(app.jobs.list()).toEqual([]);
  });

  it("Watch starts the court's poll (a revision names who), Stop watching ends it", async () => {
    const { cookie, csrf } = await as("editor");
    const kase = db.select().from(s.cases).get()!;
    const watched = await postForm(app, "/staff/cases/doe-v-dhs/watch", cookie, {
      _csrf: csrf,
      watched: "true",
      version: String(kase.version),
    });
    expect(watched.statusCode).toBe(303);
    expect(app.jobs.list().map((j) => j.name)).toEqual(["rss-poll:cand"]);
    const revisions = db
      .select()
      .from(s.revisions)
      .all()
      .filter((r) => r.recordType === "case" && r.recordId === String(kase.id));
    expect(revisions.at(-1)).toMatchObject({ actor: "editor@example.org", action: "update" });
    const page = parseHtml((await app.inject({ url: "/staff/watching", headers: { cookie } })).body);
    const feedRow = collapseWhitespace(page("#feed-cand").text());
    expect(feedRow).toContain("1 watched · every 15 min");
    expect(feedRow).toContain("https://ecf.cand.uscourts.gov/cgi-bin/rss_outside.pl (default) never due now none");
    expect(collapseWhitespace(page("#cases").text())).toContain("Doe v. DHS3:25-mc-80001-TSH (cand) not yet none seen none none");

    const stop = await postForm(app, "/staff/cases/doe-v-dhs/watch", cookie, {
      _csrf: csrf,
      watched: "false",
      version: String(kase.version + 1),
    });
    expect(stop.statusCode).toBe(303);
    expect(app.jobs.list().filter((j) => j.registered)).toEqual([]);
  });

  it("refuses to watch a case without a docket number, and a stale form, changing nothing", async () => {
    const { cookie, csrf } = await as("editor");
    const noNumber = db
      .select()
      .from(s.cases)
      .all()
      .find((c) => c.slug === "no-number")!;
    const refused = await postForm(app, "/staff/cases/no-number/watch", cookie, {
      _csrf: csrf,
      watched: "true",
      version: String(noNumber.version),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("needs the case&#x27;s court and docket number on the record first");
    const stale = await postForm(app, "/staff/cases/doe-v-dhs/watch", cookie, { _csrf: csrf, watched: "true", version: "99" });
    expect(stale.statusCode).toBe(409);
    expect(
      db
        .select()
        .from(s.cases)
        .all()
        .every((c) => !c.watched),
    ).toBe(true);
  });

  it("feed settings: an address and an interval under the floor are refused beside their fields (422); good ones are kept", async () => {
    const { cookie, csrf } = await as("editor");
    const kase = db.select().from(s.cases).get()!;
    await postForm(app, "/staff/cases/doe-v-dhs/watch", cookie, { _csrf: csrf, watched: "true", version: String(kase.version) });
    const bad = await postForm(app, "/staff/watching/feeds/cand", cookie, {
      _csrf: csrf,
      feedUrl: "ftp://ecf.cand.uscourts.gov/rss",
      intervalMinutes: "2",
    });
    expect(bad.statusCode).toBe(422);
    const $ = parseHtml(bad.body);
    expect($("#feed-url-cand-error").text()).toBe("Feed address must be an http:// or https:// address");
    expect($("#feed-interval-cand-error").text()).toBe(
      "Minutes between polls must be at least 10: the courts' servers are polled no faster",
    );
    expect($("#feed-url-cand").attr("value")).toBe("ftp://ecf.cand.uscourts.gov/rss");
    expect(createCourtFeedsRepository(db).feed("cand")).toBeUndefined();

    const good = await postForm(app, "/staff/watching/feeds/cand", cookie, {
      _csrf: csrf,
      feedUrl: "https://ecf.cand.uscourts.gov/cgi-bin/rss_outside.pl?filter=all",
      intervalMinutes: "30",
    });
    expect(good.statusCode).toBe(303);
    expect(createCourtFeedsRepository(db).feed("cand")).toMatchObject({
      feedUrl: "https://ecf.cand.uscourts.gov/cgi-bin/rss_outside.pl?filter=all",
      intervalMinutes: 30,
    });
    expect(app.jobs.list().find((j) => j.name === "rss-poll:cand")!.schedule).toBe("every 1800s");
  });

  it("viewers read the page without buttons and cannot poll; only admins reach the mailbox settings", async () => {
    const viewer = await as("viewer");
    expect(parseHtml(viewer.page.body)("form[action$='/poll'], form[action$='/watch']")).toHaveLength(0);
    expect((await postForm(app, "/staff/watching/mailbox/poll", viewer.cookie, { _csrf: viewer.csrf })).statusCode).toBe(403);
    const editor = await as("editor");
    expect((await app.inject({ url: "/staff/watching/mailbox", headers: { cookie: editor.cookie } })).statusCode).toBe(403);
    expect((await app.inject("/staff/watching")).statusCode).toBe(303);
  });
});

describe("the mailbox settings page", () => {
  it("refuses bad fields beside them (422), needs a password the first time, and never shows it back", async () => {
    const { cookie } = await as("admin");
    const form = await app.inject({ url: "/staff/watching/mailbox", headers: { cookie } });
    const csrf = csrfFrom(form.body);
    const bad = await postForm(app, "/staff/watching/mailbox", cookie, {
      _csrf: csrf,
      host: "imap example",
      port: "99999",
      tls: "tls",
      username: "",
      secret: "",
      folder: "INBOX",
      processedFolder: "",
      intervalMinutes: "0",
      enabled: "on",
    });
    expect(bad.statusCode).toBe(422);
    const $ = parseHtml(bad.body);
    expect($("#mailbox-host-error").text()).toBe("IMAP server: must be a host name or address, such as imap.example.org");
    expect($("#mailbox-port-error").text()).toBe("Port: must be between 1 and 65535");
    expect($("#mailbox-username-error").text()).toBe("User name: is needed");
    expect($("#mailbox-intervalMinutes-error").text()).toBe("Minutes between reads: must be at least 1");
    const noSecret = await postForm(app, "/staff/watching/mailbox", cookie, {
      _csrf: csrf,
      host: "imap.example.org",
      port: "993",
      tls: "tls",
      username: "nef@clinic.example.org",
      secret: "",
      folder: "INBOX",
      processedFolder: "Quash-processed",
      intervalMinutes: "5",
      enabled: "on",
    });
    expect(noSecret.statusCode).toBe(422);
    expect(parseHtml(noSecret.body)("#mailbox-secret-error").text()).toBe("Password or app token: is needed the first time");
    expect(createNefIntakeRepository(db).mailboxSettings()).toBeUndefined();

    const saved = await postForm(app, "/staff/watching/mailbox", cookie, {
      _csrf: csrf,
      host: "imap.example.org",
      port: "993",
      tls: "tls",
      username: "nef@clinic.example.org",
      secret: "s3cret-app-token",
      folder: "INBOX",
      processedFolder: "Quash-processed",
      intervalMinutes: "5",
      enabled: "on",
    });
    expect(saved.statusCode).toBe(303);
    const row = createNefIntakeRepository(db).mailboxSettings()!;
    expect(row.secretEncrypted).not.toContain("s3cret-app-token");
    expect(app.jobs.list().map((j) => j.name)).toEqual(["nef-intake"]);
    const again = await app.inject({ url: "/staff/watching/mailbox", headers: { cookie } });
    expect(again.body).not.toContain("s3cret-app-token");
    expect(parseHtml(again.body)("#mailbox-host").attr("value")).toBe("imap.example.org");

    // Saving again with the password left empty keeps it.
    await postForm(app, "/staff/watching/mailbox", cookie, {
      _csrf: csrf,
      host: "imap.example.org",
      port: "993",
      tls: "tls",
      username: "nef@clinic.example.org",
      secret: "",
      folder: "INBOX",
      processedFolder: "Quash-processed",
      intervalMinutes: "10",
      enabled: "on",
    });
    expect(createNefIntakeRepository(db).mailboxSettings()).toMatchObject({ secretEncrypted: row.secretEncrypted, intervalMinutes: 10 });
    const removed = await postForm(app, "/staff/watching/mailbox/remove", cookie, { _csrf: csrf });
    expect(removed.statusCode).toBe(303);
    expect(app.jobs.list().filter((j) => j.registered)).toEqual([]);
  });
});
