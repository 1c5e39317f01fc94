import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import * as s from "../../db/schema";
import { buildLoggedTestApp, buildTestApp } from "../support/app";
import { cookieHeader, cookiesFrom, createUser, csrfFrom, signIn } from "../support/auth";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { startSmtpServer } from "../support/mail-server";
import { createDeliveryWorker } from "../../server/alerts/worker";
import { createSmtpMailer } from "../../server/alerts/mailer";
import { testClock } from "../support/db";

/*
 * The alert pages a reader uses: subscribe, confirm by the mailed link (double opt-in), see and
 * cancel from the link in any message, one-click unsubscribe (RFC 8058); and the staff page.
 */

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  await smtp?.close();
  app = null;
  smtp = null;
});

async function withMail() {
  smtp = await startSmtpServer();
  const built = await buildTestApp({ config: { smtp: smtp.smtp } });
  app = built.app;
  return { app: built.app, db: built.db, smtp };
}

async function openForm(app: FastifyInstance, url = "/alerts") {
  const page = await app.inject(url);
  return { page, cookie: cookieHeader(cookiesFrom(page)), csrf: csrfFrom(page.body) };
}

function post(app: FastifyInstance, url: string, cookie: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of ([] as string[]).concat(v)) body.append(k, one);
  return app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  });
}

const linkIn = (text: string, path: RegExp) => {
  const match = new RegExp(`http://127\\.0\\.0\\.1:3000(${path.source})`).exec(text);
  if (!match) throw new Error(`no link ${path} in:\n${text}`);
  return match[1]!;
};

describe("alert pages", () => {
  it("subscribe → confirmation mail → confirm → an alert with the manage link → one-click unsubscribe", async () => {
    const { app, db, smtp } = await withMail();
    const kase = insertCase(db, { caption: "Doe v. DHS" });
    const form = await openForm(app, `/alerts?case=${kase.slug}`);
    expect(parseHtml(form.page.body)(`#alert-case option[value="${kase.slug}"]`).attr("selected")).toBeDefined();

    const sent = await post(app, "/alerts", form.cookie, {
      _csrf: form.csrf,
      email: "reporter@example.org",
      target: "case",
      case: kase.slug,
      frequency: "immediate",
      exclude: ["appearance", "pro_hac_vice"],
      note: "for the Sunday piece",
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain("We sent a message with a link to confirm your alert for the case Doe v. DHS");
    expect(sent.body).not.toContain("reporter@example.org");
    expect(smtp.received).toHaveLength(1);
    const confirmMail = smtp.received[0]!.mail;
    expect(confirmMail.subject).toBe("Confirm your Quash alert: the case Doe v. DHS");
    const confirmPath = linkIn(confirmMail.text!, /\/alerts\/confirm\/[\w-]+/);

    // Following the link shows a button (a link scanner's GET confirms nothing); the button confirms.
    const confirmPage = await app.inject(confirmPath);
    expect(confirmPage.statusCode).toBe(200);
    expect(db.select().from(s.subscriptions).get()!.confirmedAt).toBeNull();
    const confirmed = await post(app, confirmPath, "", {});
    expect(confirmed.statusCode).toBe(303);
    const manage = await app.inject(confirmed.headers.location as string);
    expect(manage.body).toContain("Your alert is confirmed.");
    expect(manage.body).toContain("the case Doe v. DHS");
    expect(manage.body).toContain("Notices of appearance; Pro hac vice applications and orders");
    expect(manage.body).toContain("for the Sunday piece");
    expect(manage.body).not.toContain("reporter@example.org");

    insertEntry(db, kase.id, { description: "NOTICE of Appearance by counsel" });
    insertEntry(db, kase.id, { number: 4, description: "ORDER setting hearing" });
    const worker = createDeliveryWorker({
      db,
      clock: testClock,
      publicUrl: "http://127.0.0.1:3000",
      mailer: createSmtpMailer(smtp.smtp, "alerts@quash.test"),
    });
    expect((await worker.runOnce()).sent).toBe(1);
    const alert = smtp.received[1]!.mail;
    expect(alert.text).toContain("ORDER setting hearing");
    const managePath = linkIn(alert.text!, /\/alerts\/manage\/[\w-]+/);
    expect((await app.inject(managePath)).body).toContain("the case Doe v. DHS");

    const unsubscribePath = linkIn(alert.headerLines.find((h) => h.key === "list-unsubscribe")!.line, /\/alerts\/unsubscribe\/[\w-]+\/\d+/);
    // What a mail client sends under RFC 8058: no cookie, no page, just this body.
    const oneClick = await post(app, unsubscribePath, "", { "List-Unsubscribe": "One-Click" });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toBe("Unsubscribed.");
    expect((await app.inject(managePath)).body).toContain("cancelled");
    insertEntry(db, kase.id, { description: "After unsubscribing" });
    expect((await worker.runOnce()).sent).toBe(0);
  });

  it("re-renders the form with the reason beside the field (422) and saves nothing", async () => {
    const { app, db, smtp } = await withMail();
    const form = await openForm(app);
    const res = await post(app, "/alerts", form.cookie, { _csrf: form.csrf, email: "not-an-address", target: "query", query: "" });
    expect(res.statusCode).toBe(422);
    const $ = parseHtml(res.body);
    expect($("#alert-email-error").text()).toBe("Enter an e-mail address such as name@example.org.");
    expect($("#alert-query-error").text()).toBe("Enter the words an entry must contain.");
    expect($("#alert-email").attr("value")).toBe("not-an-address");
    expect(db.select().from(s.subscriptions).all()).toEqual([]);
    // A saved search is the public search's query: what /search refuses, the form refuses too.
    const unclosed = await post(app, "/alerts", form.cookie, {
      _csrf: form.csrf,
      email: "reporter@example.org",
      target: "query",
      query: '"motion to quash',
    });
    expect(unclosed.statusCode).toBe(422);
    expect(parseHtml(unclosed.body)("#alert-query-error").text()).toMatch(/quotation mark is not closed/);
    expect(db.select().from(s.subscriptions).all()).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });

  it("refuses e-mail subscriptions with a clear message when no SMTP host is configured", async () => {
    const built = await buildTestApp();
    app = built.app;
    const form = await openForm(built.app);
    expect(form.page.body).toContain("it has no mail server configured (SMTP_HOST)");
    const res = await post(built.app, "/alerts", form.cookie, { _csrf: form.csrf, email: "reporter@example.org", target: "all" });
    expect(res.statusCode).toBe(422);
    expect(parseHtml(res.body)("#alert-message").text()).toContain("E-mail alerts are not available on this server");
    expect(built.db.select().from(s.subscriptions).all()).toEqual([]);
  });

  it("keeps the address, the tokens and a webhook's secret out of the log, whatever happens", async () => {
    smtp = await startSmtpServer();
    const built = await buildLoggedTestApp({ config: { smtp: smtp.smtp } });
    app = built.app;
    const kase = insertCase(built.db);
    const form = await openForm(built.app);
    await post(built.app, "/alerts", form.cookie, {
      _csrf: form.csrf,
      email: "log-canary@example.org",
      target: "all",
      frequency: "immediate",
    });
    const confirmPath = linkIn(smtp.received[0]!.mail.text!, /\/alerts\/confirm\/[\w-]+/);
    const manage = (await post(built.app, confirmPath, "", {})).headers.location as string;
    await built.app.inject(manage);
    smtp.refuse(451);
    const again = await openForm(built.app);
    await post(built.app, "/alerts", again.cookie, { _csrf: again.csrf, email: "log-canary@example.org", target: "all" });
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const { secret } = built.app.alerts.subscriptions.addWebhook({
      url: `http://127.0.0.1:${closedPort}/closed`,
      label: "closed",
      events: ["entry"],
      createdBy: "test",
    });
    insertEntry(built.db, kase.id, { description: "An entry for the worker" });
    const worker = createDeliveryWorker({
      db: built.db,
      clock: testClock,
      publicUrl: "http://127.0.0.1:3000",
      mailer: createSmtpMailer(smtp.smtp, "alerts@quash.test"),
      log: { info: (m) => built.app.log.info(m), warn: (m) => built.app.log.warn(m) },
    });
    await worker.runOnce();
    const log = JSON.stringify(built.log);
    expect(built.log.length).toBeGreaterThan(3);
    for (const secretText of ["log-canary@example.org", secret, confirmPath.split("/").pop()!, manage.split("/").pop()!.split("?")[0]!])
      expect(log).not.toContain(secretText);
    // What failed is still in the attempts, in words with no address.
    const attempts = built.db.select().from(s.deliveryAttempts).all();
    expect(attempts.map((a) => a.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^SMTP: 451/), "connection refused"]));
    expect(JSON.stringify(attempts)).not.toContain("log-canary@example.org");
  });

  it("answers 404 to a token that names nothing", async () => {
    const built = await buildTestApp();
    app = built.app;
    expect((await built.app.inject("/alerts/manage/not-a-real-token-at-all")).statusCode).toBe(404);
    expect((await post(built.app, "/alerts/confirm/not-a-real-token-at-all", "", {})).statusCode).toBe(404);
  });

  it("shows staff delivery health and registers a webhook whose secret is shown once", async () => {
    const built = await buildTestApp();
    app = built.app;
    await createUser(built.app, { role: "admin", email: "admin@example.org" });
    const cookie = await signIn(built.app, "admin@example.org");
    const page = await built.app.inject({ url: "/staff/alerts", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("No webhooks registered.");
    const csrf = csrfFrom(page.body);
    const bad = await post(built.app, "/staff/alerts/webhooks", cookie, { _csrf: csrf, label: "", url: "ftp://x", events: [] });
    expect(bad.statusCode).toBe(422);
    expect(parseHtml(bad.body)("#webhook-url-error").text()).toContain("http:// or https://");
    const made = await post(built.app, "/staff/alerts/webhooks", cookie, {
      _csrf: csrf,
      label: "Newsroom bot",
      url: "https://bot.example.org/quash",
      events: ["entry", "status"],
    });
    expect(made.statusCode).toBe(201);
    const secret = parseHtml(made.body)("#webhook-secret").text();
    expect(secret).toMatch(/^whsec_/);
    const again = await built.app.inject({ url: "/staff/alerts", headers: { cookie } });
    expect(again.body).toContain("Newsroom bot");
    expect(again.body).not.toContain(secret);
  });
});
