import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import * as s from "../../db/schema";
import { FIXTURES_DIR } from "../pacer/fixtures";
import { runCli } from "../support/cli";
import { tempDataDir } from "./support";

describe("quash import", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = tempDataDir();
    env = { DATABASE_FILE: join(dir, "quash.db"), DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" };
  });

  const run = (...args: string[]) => runCli(["import", ...args], { env });

  const fixture = (relative: string) => join(FIXTURES_DIR, relative);

  function count(table: typeof s.cases | typeof s.docketEntries | typeof s.imports) {
    const db = openDatabase(env.DATABASE_FILE!);
    try {
      return db.select().from(table).all().length;
    } finally {
      db.$client.close();
    }
  }

  it("imports a docket report and prints what it created, updated and left alone", async () => {
    const result = await run(fixture("district/cand.html"));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("cand.html: PACER docket report of 2017-06-13, court cand (import #1)");
    expect(lines).toContain(
      "  case 3:08-cv-00159-WHA (Balbo v. Tilton): created, not published, staff page /staff/cases/cand-3-08-cv-00159",
    );
    expect(lines).toContain(
      "  created: 1 court, 1 judge, 1 case, 3 parties, 1 attorney, 1 representation, 3 entries, 1 source, 14 citations",
    );
    expect(lines).toContain("  updated: nothing");
    expect(lines).toContain("  unchanged: nothing");
    expect(result.stdout).toContain(
      '    + entry 3 created: docket report text "ORDER OF TRANSFER. Signed by Judge William Alsup on 1/17/08.…"',
    );
    expect(count(s.docketEntries)).toBe(3);
  });

  it("says a second import of the same file changed nothing", async () => {
    await run(fixture("district/cand.html"));
    const again = await run(fixture("district/cand.html"));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("cand.html: already imported as import #1 (PACER docket report of 2017-06-13); nothing changed.");
    expect(count(s.imports)).toBe(1);
  });

  it("lists updated and unchanged records when a later file touches the same case", async () => {
    await run(fixture("district/cand_7.html"));
    const feed = join(dir, "cand_feed.xml");
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>N.D. Cal.</title>
<item><title>3:23-cv-04557 T. v. OpenAI LP</title><link>https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?417177</link>
<description>[Proposed Summons] (&lt;a href=&quot;https://ecf.cand.uscourts.gov/doc1/035123515222?caseid=417177&amp;de_seq_num=17&quot;&gt;3&lt;/a&gt;)</description>
<pubDate>Wed, 06 Sep 2023 21:00:00 GMT</pubDate></item></channel></rss>`,
    );
    const result = await run(feed);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  case 3:23-cv-04557-JCS (T. v. OpenAI LP): updated");
    expect(result.stdout).toContain("  updated: 1 case, 1 entry");
    expect(result.stdout).toContain("  unchanged: 1 court");
    expect(result.stdout).toContain('    ~ entry 3 updated: short description "Proposed Summons"');
  });

  it("previews with --dry-run and saves nothing", async () => {
    const result = await run(fixture("district/cand.html"), "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("cand.html: PACER docket report of 2017-06-13, court cand (dry run, nothing saved)");
    expect(result.stdout).toContain("Dry run: nothing was saved.");
    expect(count(s.cases)).toBe(0);
  });

  it("imports the good files, names each bad one with its reason, and exits 1", async () => {
    const empty = join(dir, "empty.html");
    writeFileSync(empty, "");
    const result = await run(empty, fixture("district/cand.html"), fixture("district/nysd_3.html"), join(dir, "missing.html"));
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "empty.html: not imported: the file is empty",
      "nysd_3.html: not imported: not a PACER docket report: the page was altered by a browser extension (names rewritten)",
      "missing.html: not imported: no such file",
      "Not imported (3 of 4): empty.html, nysd_3.html, missing.html. Imported: cand.html.",
    ]);
    expect(result.stdout).toContain("cand.html: PACER docket report of 2017-06-13");
    expect(count(s.cases)).toBe(1);
  });

  it("a single refused file says nothing was imported, not that 'the others' were", async () => {
    const result = await run(fixture("district/nysd_3.html"));
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").at(-1)).toBe("Nothing was imported: nysd_3.html was refused (see above).");
  });

  it("accepts a notice forwarded as an attachment (.eml inside an e-mail) and says so", async () => {
    const notice = readFileSync(fixture("nef/mime/almd_1.txt"), "latin1");
    const forwarded = join(dir, "Fwd notice.eml");
    writeFileSync(
      forwarded,
      Buffer.from(
        `From: clerk@example.org\r\nTo: clinic@example.org\r\nSubject: Fwd: Activity in Case 3:21-cv-00437\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nSee the attached notice.\r\n--XX\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename="notice.eml"\r\n\r\n${notice}\r\n--XX--\r\n`,
        "latin1",
      ),
    );
    const result = await run(forwarded);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "The notice was attached to the e-mail as notice.eml (forwarded as an attachment); it was read from the attachment.",
    );
    expect(count(s.cases)).toBe(1);
  });

  it("takes the court from --court and refuses options it does not know", async () => {
    const bad = await run(fixture("district/cand.html"), "--court", "CAND!");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--court takes a CM/ECF court id such as "cand"');
    expect((await run("--group", "nope", fixture("district/cand.html"))).code).toBe(2);
    expect((await run()).stderr).toContain("give at least one FILE");
  });
});
