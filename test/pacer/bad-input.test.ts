import { describe, expect, it } from "vitest";
import {
  decodePacerBytes,
  detectPacerKind,
  explainRejection,
  MAX_PACER_INPUT_BYTES,
  PacerInputError,
  parseDocketReport,
  parseNef,
  parseRssFeed,
  type PacerKind,
} from "../../server/pacer";
import { listFixtures, readFixture } from "./fixtures";

/**
 * Input that is not a usable docket, feed or notice must be turned down cleanly: `{}` (with a
 * one-line reason from `explainRejection`) or a `PacerInputError` with a clear message. Never
 * a crash, never partial data.
 */

const district = (name: string) => readFixture(listFixtures("district").find((f) => f.name === name)!);

function parseAs(kind: PacerKind, text: string): Promise<unknown> {
  if (kind === "docket") return Promise.resolve().then(() => parseDocketReport(text, "cand"));
  if (kind === "rss") return Promise.resolve().then(() => parseRssFeed(text, "cand"));
  return parseNef(text, "cand");
}

const KINDS: PacerKind[] = ["docket", "rss", "nef"];

const LOGIN_PAGE = `<!DOCTYPE html><html><head><title>PACER: Login</title></head><body>
<form id="loginForm" name="loginForm" method="post" action="/csologin/login.jsf">
<label for="loginForm:loginName">Username</label><input id="loginForm:loginName" type="text" name="loginForm:loginName">
<label for="loginForm:password">Password</label><input id="loginForm:password" type="password" name="loginForm:password">
<button type="submit">Login</button></form></body></html>`;

const NON_PACER_EMAIL = [
  "Return-Path: <alice@example.org>",
  "From: Alice <alice@example.org>",
  "To: Bob <bob@example.org>",
  "Subject: Lunch on Friday?",
  "Date: Mon, 9 Aug 2021 11:53:52 -0500",
  "MIME-Version: 1.0",
  "Content-Type: text/html; charset=utf-8",
  "",
  "<p>Are we still on for lunch on Friday? The table is booked for <b>12:30</b>.</p>",
  "",
].join("\n");

describe("input that is not a usable PACER document", () => {
  it("turns down a truncated docket report instead of returning its first half", () => {
    const full = district("utd.html");
    const truncated = full.slice(0, Math.floor(full.length / 2));
    expect(parseDocketReport(full, "utd")).toHaveProperty("docket_entries");
    expect(parseDocketReport(truncated, "utd")).toEqual({});
    expect(explainRejection(truncated, "docket")).toBe(
      "not a PACER docket report: the page is truncated (it has no closing </body> or </html>)",
    );
  });

  it("turns down a truncated RSS feed instead of returning its first items", () => {
    const feed = readFixture(listFixtures("rss").find((f) => f.name === "sdny_1.xml")!);
    const truncated = feed.slice(0, Math.floor(feed.length * 0.6));
    expect(parseRssFeed(truncated, "sdny")).toEqual({});
    expect(explainRejection(truncated, "rss")).toBe("not a PACER RSS feed: the feed is truncated (it does not end with </rss>)");
  });

  it("turns down a PACER login page (an expired session) with that reason", async () => {
    for (const kind of KINDS) expect(await parseAs(kind, LOGIN_PAGE)).toEqual({});
    expect(detectPacerKind(LOGIN_PAGE)).toBeNull();
    expect(explainRejection(LOGIN_PAGE, "docket")).toBe(
      "not a PACER docket report: looks like a PACER login page (the session had expired?)",
    );
  });

  it("turns down pages altered by browser extensions", () => {
    const injected = district("akd.html").replace("</body>", "<script>if (window.MetaMask) { web3.enable(); }</script></body>");
    expect(parseDocketReport(injected, "akd")).toEqual({});
    expect(explainRejection(injected, "docket")).toBe("not a PACER docket report: the page was altered by a browser extension");
    const renamed = district("nysd_3.html");
    expect(parseDocketReport(renamed, "nysd")).toEqual({});
    expect(explainRejection(renamed, "docket")).toMatch(/altered by a browser extension \(names rewritten\)$/);
    const emptied = district("canb_1.html");
    expect(parseDocketReport(emptied, "canb")).toEqual({});
    expect(explainRejection(emptied, "docket")).toMatch(/no table content/);
  });

  it("turns down an e-mail that is not a filing notice", async () => {
    expect(await parseNef(NON_PACER_EMAIL, "cand")).toEqual({});
    expect(detectPacerKind(NON_PACER_EMAIL)).toBeNull();
    expect(explainRejection(NON_PACER_EMAIL, "nef")).toBe(
      "not a Notice of Electronic Filing: the e-mail is not a filing notice (no case table or docket text)",
    );
  });

  it("refuses a binary file with a PacerInputError, and explains it", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const text = decodePacerBytes(png);
    for (const kind of KINDS) {
      await expect(parseAs(kind, text)).rejects.toThrow(PacerInputError);
      await expect(parseAs(kind, text)).rejects.toThrow(/is not text: it contains NUL bytes/);
    }
    expect(explainRejection(text, "docket")).toBe("not a PACER docket report: the file is binary, not text");
  });

  it("answers {} for an empty file", async () => {
    for (const kind of KINDS) expect(await parseAs(kind, "")).toEqual({});
    expect(explainRejection("", "rss")).toBe("not a PACER RSS feed: the file is empty");
  });

  it("refuses input over the size limit before parsing it", async () => {
    const huge = `<html><body>${"x".repeat(MAX_PACER_INPUT_BYTES)}</body></html>`;
    for (const kind of KINDS) {
      const error = await parseAs(kind, huge).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PacerInputError);
      expect((error as PacerInputError).message).toMatch(new RegExp(`is too large: \\d+ bytes, the limit is ${MAX_PACER_INPUT_BYTES}$`));
      expect((error as PacerInputError).statusCode).toBe(422);
    }
  });

  it("refuses an RSS item whose time zone is not a US zone", () => {
    const feed = `<rss version="2.0"><channel><item><title>1:18-cv-04423 Chau v. Donovan</title>
      <link>https://ecf.nysd.uscourts.gov/cgi-bin/DktRpt.pl?1</link><description>[Order]</description>
      <pubDate>Thu, 19 Apr 2018 18:21:31 CEST</pubDate></item></channel></rss>`;
    expect(() => parseRssFeed(feed, "nysd")).toThrow(PacerInputError);
    expect(() => parseRssFeed(feed, "nysd")).toThrow(
      'RSS date "Thu, 19 Apr 2018 18:21:31 CEST" uses time zone "CEST", which is not a US zone',
    );
  });

  it("gives the wrong kind of document {} and says what it looks like", async () => {
    const rss = readFixture(listFixtures("rss")[0]!);
    expect(parseDocketReport(rss, "ca10")).toEqual({});
    expect(explainRejection(rss, "docket")).toBe("not a PACER docket report: it looks like a PACER RSS feed");
    const docket = district("akd.html");
    expect(await parseNef(docket, "akd")).toEqual({});
    expect(explainRejection(docket, "nef")).toBe("not a Notice of Electronic Filing: it looks like a PACER docket report");
  });
});

describe("hostile markup", () => {
  const HEADER = `<html><body><h3>CIVIL DOCKET FOR CASE #: 3:08-cv-00159-WHA</h3>
<table><tr><td>Doe v. Roe<br>Date Filed: 01/05/2017</td></tr></table>`;
  const ENTRY = `<tr><td>01/06/2017</td><td><a href="https://ecf.cand.uscourts.gov/doc1/035114669449">1</a></td><td>ORDER</td></tr>`;

  it("reads a docket whose markup nests deeper than the call stack goes", () => {
    const deepCell = `${HEADER}<table><tr><th>Date Filed</th><th>#</th><th>Docket Text</th></tr>
<tr><td>01/06/2017</td><td>${"<span>".repeat(20000)}1</td><td>${"<abc>".repeat(20000)}ORDER</td></tr></table></body></html>`;
    const report = parseDocketReport(deepCell, "cand") as { docket_entries: Array<{ document_number: string; description: string }> };
    expect(report.docket_entries).toEqual([expect.objectContaining({ document_number: "1", description: "ORDER" })]);

    const deepTables = `${HEADER}${"<table><tr><td><b><u>Plaintiff</u></b>".repeat(2000)}</body></html>`;
    expect(parseDocketReport(deepTables, "cand")).toHaveProperty("docket_entries", []);
  });

  it("reads many sibling entry tables in one pass", () => {
    const tables = `<table><tr><th>Date Filed</th><th>#</th><th>Docket Text</th></tr></table>${`<table>${ENTRY}</table>`.repeat(20000)}`;
    const report = parseDocketReport(`${HEADER}${tables}</body></html>`, "cand") as { docket_entries: unknown[] };
    expect(report.docket_entries).toHaveLength(20000);
  });
});

describe("detectPacerKind", () => {
  // Files whose kind is none of the three: an empty page carrying an extension's menu, and a
  // courtroom deputy's own e-mail (with an image), which CM/ECF did not generate.
  const NOT_PACER = new Set(["district/canb_1.html", "nef/mime/cand_2.txt"]);

  it("recognises every developer fixture as its kind", () => {
    const expectations: Array<[Parameters<typeof listFixtures>[0], PacerKind]> = [
      ["district", "docket"],
      ["rss", "rss"],
      ["nef", "nef"],
      ["nef/mime", "nef"],
    ];
    for (const [folder, kind] of expectations) {
      for (const fixture of listFixtures(folder)) {
        const id = `${folder}/${fixture.name}`;
        expect(detectPacerKind(readFixture(fixture)), id).toBe(NOT_PACER.has(id) ? null : kind);
      }
    }
  });
});
