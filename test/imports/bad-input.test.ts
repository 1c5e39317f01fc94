import { existsSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { ImportFailedError, importPacerFile } from "../../server/imports/service";
import { createTestDb } from "../support/db";
import { fixtureBytes, importFiles, options, tableCounts, tempDataDir } from "./support";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../server/config";

const LOGIN_PAGE = `<!DOCTYPE html><html><head><title>PACER: Login</title></head><body>
<form id="loginForm" name="loginForm" method="post" action="/csologin/login.jsf">
<label for="loginForm:loginName">Username</label><input id="loginForm:loginName" type="text" name="loginForm:loginName">
<label for="loginForm:password">Password</label><input id="loginForm:password" type="password" name="loginForm:password">
</form></body></html>`;

const PERSONAL_EMAIL = `Received: from mail.example.org
From: Alex <alex@example.org>
To: clinic@example.org
Subject: Lunch on Friday?
Date: Tue, 3 Feb 2026 10:00:00 -0800
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Are we still on for Friday? The docket can wait.
`;

describe("files that are not usable PACER documents", () => {
  let db: Db;
  let dataDir: string;
  beforeEach(() => {
    db = createTestDb();
    dataDir = tempDataDir();
  });

  /** Imports one bad file; asserts the refusal and that nothing at all was written. */
  async function refused(fileName: string, bytes: Buffer, extra = {}): Promise<string> {
    const before = tableCounts(db);
    const [outcome] = await importFiles(db, dataDir, [[fileName, bytes]], extra);
    expect(outcome?.ok).toBe(false);
    if (outcome?.ok !== false) throw new Error("imported");
    expect(tableCounts(db)).toEqual(before);
    expect(existsSync(join(dataDir, "files"))).toBe(false);
    // The same refusal from the single-file entry point, as an error.
    await expect(importPacerFile(db, { bytes, fileName, ...options(dataDir, extra) })).rejects.toThrow(ImportFailedError);
    return outcome.error;
  }

  it("turns down a truncated docket report instead of importing half its entries", async () => {
    const full = fixtureBytes("district/cand_7.html");
    const error = await refused("cand_7.html", full.subarray(0, Math.floor(full.length * 0.8)));
    expect(error).toBe(
      "not a usable PACER docket report: the page is incomplete (no closing </body> or </html>): the file was cut short. Save or download the whole docket report again",
    );
  });

  it("turns down a truncated RSS feed", async () => {
    const full = fixtureBytes("rss/wvsd.xml");
    expect(await refused("wvsd.xml", full.subarray(0, full.length - 200))).toContain("the feed is incomplete");
  });

  it("turns down a PACER login page", async () => {
    expect(await refused("cand_docket.html", Buffer.from(LOGIN_PAGE))).toBe(
      "it is a PACER sign-in page, not a docket: the PACER session had expired. Sign in to PACER and save the report again",
    );
  });

  it("turns down a page altered by a browser extension (district/nysd_3.html)", async () => {
    expect(await refused("nysd_3.html", fixtureBytes("district/nysd_3.html"))).toBe(
      "not a PACER docket report: the page was altered by a browser extension (names rewritten)",
    );
  });

  it("turns down a page emptied by a browser extension (district/canb_1.html)", async () => {
    expect(await refused("canb_1.html", fixtureBytes("district/canb_1.html"))).toMatch(
      /^not a PACER docket report: the page has no table content/,
    );
  });

  it("turns down an e-mail that is not a filing notice", async () => {
    expect(await refused("lunch.eml", Buffer.from(PERSONAL_EMAIL))).toBe(
      "not a Notice of Electronic Filing: the e-mail is not a filing notice (no case table or docket text)",
    );
  });

  it("turns down a CM/ECF notice that is not a filing (a claims notice, nef/mime/cacb_4.txt)", async () => {
    expect(await refused("cacb_4.txt", fixtureBytes("nef/mime/cacb_4.txt"))).toContain("Notice of Electronic Claims Filing");
  });

  it("turns down a binary file", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    expect(await refused("docket.html", png)).toBe("the file is a PNG image, not a PACER docket report, RSS feed or e-mail notice");
    const noise = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10]);
    expect(await refused("docket.html", noise)).toBe("the file is a binary file, not a PACER docket report, RSS feed or e-mail notice");
  });

  it("turns down an empty file, and one of blank space", async () => {
    expect(await refused("cand.html", Buffer.alloc(0))).toBe("the file is empty");
    expect(await refused("cand.html", Buffer.from("  \n\t\n"))).toBe("the file is empty (only blank space)");
  });

  it(`turns down a file over MAX_UPLOAD_BYTES (${DEFAULT_MAX_UPLOAD_BYTES} bytes by default), and over a smaller limit`, async () => {
    const huge = Buffer.alloc(DEFAULT_MAX_UPLOAD_BYTES + 1, "a");
    expect(await refused("huge.html", huge)).toBe("the file is too large: 20 MB; PACER files are accepted up to 20 MB");
    // The parsers' own guard is no second, smaller limit: a 15 MB file is judged on what it is, not its size.
    expect(await refused("cand.html", Buffer.alloc(15 * 1024 * 1024, "a"))).not.toMatch(/too large/);
    const docket = fixtureBytes("district/cand.html");
    expect(await refused("cand.html", docket, { maxBytes: 1024 })).toMatch(
      /^the file is too large: \d+ KB; PACER files are accepted up to 1 KB$/,
    );
  });

  it("turns down a file whose court cannot be told", async () => {
    const html = fixtureBytes("district/cand.html").toString("utf8").replaceAll("uscourts.gov", "example.org");
    expect(await refused("docket.html", Buffer.from(html))).toBe(
      "cannot tell which court the file is from: give the court id (--court cand, or the Court field)",
    );
  });

  it("turns down an unknown court id", async () => {
    expect(await refused("cand.html", fixtureBytes("district/cand.html"), { courtId: "sdny" })).toBe(
      '"sdny" is not a CM/ECF court id (they look like cand, nysd, dcd)',
    );
  });

  it("still imports the good files of a batch with a bad one", async () => {
    const outcomes = await importFiles(db, dataDir, [
      ["empty.html", Buffer.alloc(0)],
      ["cand.html", fixtureBytes("district/cand.html")],
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    expect(tableCounts(db).cases).toBe(1);
  });
});

describe("a merge that fails part-way", () => {
  it("leaves the database exactly as it was and says why", async () => {
    const db = createTestDb();
    const dataDir = tempDataDir();
    // Documents are written after the case, parties and entries: fail there.
    db.run(sql.raw("CREATE TRIGGER refuse_documents BEFORE INSERT ON documents BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END"));
    const before = tableCounts(db);
    const [outcome] = await importFiles(db, dataDir, [["cand_7.html", fixtureBytes("district/cand_7.html")]]);
    expect(outcome?.ok).toBe(false);
    if (outcome?.ok !== false) return;
    expect(outcome.error).toMatch(/^the import failed and nothing was saved \(.*disk quota exceeded/);
    expect(tableCounts(db)).toEqual(before);
  });

  it("rolls back only the failing file of a batch", async () => {
    const db = createTestDb();
    const dataDir = tempDataDir();
    db.run(sql.raw("CREATE TRIGGER refuse_documents BEFORE INSERT ON documents BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END"));
    const outcomes = await importFiles(db, dataDir, [
      ["cand_7.html", fixtureBytes("district/cand_7.html")],
      ["cand.html", fixtureBytes("district/cand.html")],
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    const counts = tableCounts(db);
    expect(counts.cases).toBe(1);
    expect(counts.imports).toBe(1);
    expect(counts.docket_entries).toBe(3);
  });
});
