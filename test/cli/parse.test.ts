import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { sharedPath } from "../support/shared";

const FIXTURES = `${sharedPath("fixtures", "pacer")}/`;
const scratch = mkdtempSync(join(tmpdir(), "quash-parse-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(["parse", ...args]);

describe("quash parse", () => {
  it("prints a docket report as JSON, the court taken from the file name", async () => {
    const result = await run("docket", `${FIXTURES}district/cand_7.html`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.out).toHaveLength(1);
    const docket = JSON.parse(result.out[0]!);
    expect(docket).toMatchObject({ court_id: "cand", docket_number: "3:23-cv-04557", case_name: "T. v. OpenAI LP" });
    expect(docket.docket_entries).toHaveLength(6);
  });

  it("prints one JSON document per file and honours --court", async () => {
    const result = await run("rss", `${FIXTURES}rss/wvsd.xml`, `${FIXTURES}rss/sdny_1.xml`, "--court", "nysd");
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(2);
    const feeds = result.out.map((doc) => JSON.parse(doc) as Array<{ court_id: string }>);
    expect(feeds.map((feed) => feed.length)).toEqual([2, 341]);
    expect(feeds.map((feed) => feed[0]!.court_id)).toEqual(["nysd", "nysd"]);
  });

  it("parses a whole NEF e-mail", async () => {
    const result = await run("nef", `${FIXTURES}nef/mime/almd_1.txt`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0]!).dockets[0].docket_entries[0].short_description).toBe("Notice (Other)");
  });

  it("prints {} and a one-line reason for input that is not a usable document, and exits 0", async () => {
    const result = await run("docket", `${FIXTURES}district/nysd_3.html`);
    expect(result.code).toBe(0);
    expect(result.out).toEqual(["{}"]);
    expect(result.stderr).toMatch(/nysd_3\.html: not a PACER docket report: the page was altered by a browser extension/);
    expect(result.stderr.split("\n")).toHaveLength(1);
  });

  it("says when the file is another kind of PACER document", async () => {
    const result = await run("rss", `${FIXTURES}district/akd.html`);
    expect(result.out).toEqual(["{}"]);
    expect(result.stderr).toMatch(/not a PACER RSS feed: it looks like a PACER docket report/);
  });

  it("refuses an RSS feed with a time zone outside the US list, printing {} and the reason", async () => {
    const file = join(scratch, "xyz_feed.xml");
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><item><title>1:18-cv-01 A v. B</title>` +
        `<link>https://ecf.xyz.uscourts.gov/cgi-bin/DktRpt.pl?1</link><description>[Order]</description>` +
        `<pubDate>Thu, 19 Apr 2018 18:21:31 CET</pubDate></item></channel></rss>`,
    );
    const result = await run("rss", file);
    expect(result.code).toBe(0);
    expect(result.out).toEqual(["{}"]);
    expect(result.stderr).toMatch(/refused: .*"CET", which is not a US zone/);
  });

  it("exits 1 with the reason when a file cannot be read", async () => {
    const result = await run("docket", join(scratch, "missing.html"));
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.stderr).toMatch(/cannot read .*missing\.html: ENOENT/);
    expect((await run("docket", scratch)).code).toBe(1);
  });

  it("treats a bad kind, a missing file list or an odd --court as usage errors (exit 2)", async () => {
    expect((await run("opinion", "x.html")).code).toBe(2);
    expect((await run("docket")).code).toBe(2);
    expect((await run()).code).toBe(2);
    const bad = await run("docket", "x.html", "--court", "../etc");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage: quash parse/);
  });
});
