import { describe, expect, it } from "vitest";
import { decodePacerBytes } from "../../server/pacer";
import { parseHtml } from "../../server/pacer/dom";
import { parsePacerDate, parseRssDateTime } from "../../server/pacer/dates";
import { findDocketNumber } from "../../server/pacer/docket-number";
import { normalizeJudgeName } from "../../server/pacer/judges";
import { relabelDecodedParts } from "../../server/pacer/mime-charsets";
import { firstTextPartOnly, mediaType, mimeLeaves } from "../../server/pacer/mime-parts";
import { normalizePartyType } from "../../server/pacer/party-types";
import { descriptionLinks, documentNumberOf, documentUrlOf } from "../../server/pacer/rss-description";
import { cleanString, harmonize } from "../../server/pacer/strings";
import { listFixtures, readFixture } from "./fixtures";

/** The small rules the parsers are built from, on cases the fixtures do not all show. */

describe("decodePacerBytes", () => {
  it("reads UTF-8, and ISO-8859-1 when the bytes are not valid UTF-8", () => {
    expect(decodePacerBytes(Buffer.from("28 U.S.C. § 1404", "utf8"))).toBe("28 U.S.C. § 1404");
    expect(decodePacerBytes(Buffer.from([0x55, 0x2e, 0x53, 0x2e, 0x43, 0x2e, 0x20, 0xa7, 0x20, 0x31]))).toBe("U.S.C. § 1");
    expect(decodePacerBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x70, 0x3e]))).toBe("<p>");
  });
});

describe("dates", () => {
  it("reads PACER calendar dates as YYYY-MM-DD, never through a local-time Date", () => {
    expect(parsePacerDate("01/09/2009")).toBe("2009-01-09");
    expect(parsePacerDate("1/9/2009")).toBe("2009-01-09");
    expect(parsePacerDate("01–09–2009")).toBe("2009-01-09");
    expect(parsePacerDate("2/29/2024")).toBe("2024-02-29");
    expect(parsePacerDate("2/29/2023")).toBeNull();
    expect(parsePacerDate("1/17/08")).toBeNull(); // two-digit years are not guessed
  });

  it("gives RSS times the offset of their US zone", () => {
    expect(parseRssDateTime("Thu, 19 Apr 2018 18:21:31 GMT").iso).toBe("2018-04-19T18:21:31+00:00");
    expect(parseRssDateTime("Fri, 03 Feb 2023 09:05:16 MST").iso).toBe("2023-02-03T09:05:16-07:00");
    expect(parseRssDateTime("Fri, 03 Feb 2023 09:05:16 EST").iso).toBe("2023-02-03T09:05:16-05:00");
    expect(parseRssDateTime("Mon, 15 Jul 2024 10:00:00 EDT").iso).toBe("2024-07-15T10:00:00-04:00");
    expect(parseRssDateTime("Mon, 15 Jul 2024 10:00:00 PDT").iso).toBe("2024-07-15T10:00:00-07:00");
    expect(parseRssDateTime("Mon, 15 Jul 2024 10:00:00 AKDT").iso).toBe("2024-07-15T10:00:00-08:00");
    expect(parseRssDateTime("Mon, 15 Jul 2024 10:00:00 HST").iso).toBe("2024-07-15T10:00:00-10:00");
    // Arizona keeps MST all summer.
    expect(parseRssDateTime("Mon, 15 Jul 2024 10:00:00 MST").iso).toBe("2024-07-15T10:00:00-07:00");
    expect(parseRssDateTime("Mon, 15 Jul 2024 10:00:00 -0400").iso).toBe("2024-07-15T10:00:00-04:00");
    expect(parseRssDateTime("Thursday, 19 Apr 2018 18:21:31 GMT").iso).toBe("2018-04-19T18:21:31+00:00");
    expect(parseRssDateTime("19 Apr 2018 18:21:31 GMT").iso).toBe("2018-04-19T18:21:31+00:00");
    expect(() => parseRssDateTime("Mon, 15 Jul 2024 10:00:00 BST")).toThrow(/not a US zone/);
    expect(() => parseRssDateTime("yesterday")).toThrow(/unreadable RSS date/);
  });

  it("compares RSS times written in different zones by their instant", () => {
    const a = parseRssDateTime("Mon, 15 Jul 2024 10:00:00 EDT");
    const b = parseRssDateTime("Mon, 15 Jul 2024 14:00:00 GMT");
    expect(a.epochMs).toBe(b.epochMs);
  });
});

describe("docket numbers", () => {
  it("keeps the short number and splits the full one", () => {
    expect(findDocketNumber(["CRIMINAL DOCKET FOR CASE #: 1:03-cr-00076-MR-DLH-1"], "district")).toEqual({
      docketNumber: "1:03-cr-00076",
      parts: {
        federal_dn_office_code: "1",
        federal_dn_case_type: "cr",
        federal_dn_judge_initials_assigned: "MR",
        federal_dn_judge_initials_referred: "DLH",
        federal_defendant_number: "1",
      },
    });
    expect(findDocketNumber(["Bankruptcy Petition #: 17-80033-CRJ7"], "bankruptcy").docketNumber).toBe("17-80033");
    expect(findDocketNumber(["MDL No. 2168"], "district", true).docketNumber).toBe("MDL No. 2168");
    expect(findDocketNumber(["19-8054 United States v. Kahn"], "appellate").docketNumber).toBe("19-8054");
  });
});

describe("names", () => {
  it("harmonises case names as the reference does", () => {
    expect(harmonize("Chau v. Donovan et al")).toBe("Chau v. Donovan");
    expect(harmonize("USA v. Santana-Esmeralda")).toBe("United States v. Santana-Esmeralda");
    expect(harmonize("Smith vs. Jones, Defendant.")).toBe("Smith v. Jones");
    expect(cleanString("Motion to Dismiss; Memorandum # 1 ")).toBe("Motion to Dismiss; Memorandum 1");
  });

  it("reduces judge strings to the name", () => {
    expect(normalizeJudgeName("Magistrate Judge Susan Russ Walker")).toBe("Susan Russ Walker");
    expect(normalizeJudgeName("Hon. William Alsup")).toBe("William Alsup");
    expect(normalizeJudgeName("Clifton R. Jessup Jr.")).toBe("Clifton R. Jessup Jr.");
  });

  it("normalises party types", () => {
    expect(normalizePartyType("Counter-defendant                ")).toBe("Counter Defendant");
    expect(normalizePartyType("DEFENDANT (1)")).toBe("Defendant");
    expect(normalizePartyType("Intervenor Pla")).toBe("Intervenor Plaintiff");
  });
});

describe("RSS item descriptions", () => {
  it("reads the links however their markup is written", () => {
    for (const html of [
      `[Order] (<a href="https://ecf.x.uscourts.gov/doc1/12345678901?caseid=9&de_seq_num=5" >2</a>)`,
      `[Order] (<A HREF='https://ecf.x.uscourts.gov/doc1/12345678901?caseid=9&de_seq_num=5'>2</A>)`,
      `[Order] (<a target=_blank href=https://ecf.x.uscourts.gov/doc1/12345678901?caseid=9&de_seq_num=5>2</a>)`,
    ]) {
      const links = descriptionLinks(html);
      expect(documentNumberOf(links)).toBe("2");
      expect(documentUrlOf(links, "doc1")).toBe("https://ecf.x.uscourts.gov/doc1/12345678901?caseid=9&de_seq_num=5");
      expect(documentUrlOf(links, "docs1")).toBeNull();
    }
    expect(descriptionLinks("[Notice of Appearance]")).toEqual([]);
    // A link whose text is not a number gives no document number.
    expect(documentNumberOf(descriptionLinks(`(<a href="/docs1/01208491112">Order</a>)`))).toBeNull();
  });
});

describe("e-mail charsets", () => {
  it("relabels unencoded single-byte parts as UTF-8, the text being decoded already", () => {
    const message = "Subject: x\nContent-Type: text/html; charset=iso-8859-1\n\n<p>28 U.S.C. \u00a7 1404</p>\n";
    expect(relabelDecodedParts(message)).toBe(message.replace("iso-8859-1", "utf-8"));
    // windows-1252's curly quotes, read as ISO-8859-1, come back.
    const cp1252 = 'Content-Type: text/plain; charset="windows-1252"\n\n\u0093Order\u0094\n';
    expect(relabelDecodedParts(cp1252)).toBe("Content-Type: text/plain; charset=utf-8\n\n\u201cOrder\u201d\n");
  });

  it("leaves encoded, UTF-8 and ASCII parts alone", () => {
    const encoded = "Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\nPHA+\n";
    expect(relabelDecodedParts(encoded)).toBe(encoded);
    const utf8 = "Content-Type: text/html; charset=utf-8\n\n<p>\u00a7</p>\n";
    expect(relabelDecodedParts(utf8)).toBe(utf8);
    const ascii = "Content-Type: text/html; charset=iso-8859-1\n\n<p>1404</p>\n";
    expect(relabelDecodedParts(ascii)).toBe(ascii);
  });

  it("finds the parts of a multipart message", () => {
    const message = [
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "plain",
      "--b1",
      "Content-Type: text/html; charset=ISO-8859-1",
      "",
      "<p>\u00a7</p>",
      "--b1--",
      "",
    ].join("\n");
    expect(relabelDecodedParts(message)).toBe(message.replace("charset=ISO-8859-1", "charset=utf-8"));
  });
});

describe("e-mail parts", () => {
  const message = [
    "Subject: Activity in Case 1:21-cv-1 A v. B Order",
    'Content-Type: multipart/mixed; boundary="outer"',
    "",
    "--outer",
    'Content-Type: multipart/alternative; boundary="inner"',
    "",
    "--inner",
    "Content-Type: text/plain",
    "",
    "plain notice",
    "--inner",
    "Content-Type: text/html",
    "",
    "<p>html notice</p>",
    "--inner--",
    "--outer",
    "Content-Type: image/png",
    "Content-Transfer-Encoding: base64",
    "",
    "iVBORw0KGgo=",
    "--outer",
    "Content-Type: text/html",
    "",
    "<p>disclaimer</p>",
    "--outer--",
    "",
  ].join("\n");

  it("walks the parts depth first, in MIME order", () => {
    expect(mimeLeaves(message).map((leaf) => mediaType(leaf.head))).toEqual(["text/plain", "text/html", "image/png", "text/html"]);
    expect(mimeLeaves(message).map((leaf) => leaf.body)).toEqual([
      "plain notice",
      "<p>html notice</p>",
      "iVBORw0KGgo=",
      "<p>disclaimer</p>",
    ]);
  });

  it("cuts a message with several text parts down to the first, keeping its other headers", () => {
    expect(firstTextPartOnly(message)).toBe("Subject: Activity in Case 1:21-cv-1 A v. B Order\nContent-Type: text/plain\n\nplain notice");
    expect(firstTextPartOnly("Subject: x\nContent-Type: text/html\n\n<p>only</p>\n")).toBeNull();
  });
});

describe("the page index", () => {
  // What hasTextNodeWith answers, asked the slow way: each descendant text node in turn.
  const oneNodeHas = (page: ReturnType<typeof parseHtml>, el: Parameters<typeof page.textNodes>[0], phrase: string) =>
    page.textNodes(el).some((node) => node.data.includes(phrase));

  it("finds a phrase only within one text node, never across two", () => {
    const page = parseHtml(
      "<table><tr><td>Docket <!-- c --> Text</td><td><b>Docket</b> Text</td><td>Dock<i>et Text</i></td></tr>" +
        "<tr><td>no</td><td>the Docket Text here, and Docket Text again</td></tr></table><p>Docket Tex</p><p>t</p>",
    );
    const cells = page.within(page.root, "td");
    expect(cells.map((td) => page.hasTextNodeWith(td, "Docket Text"))).toEqual([false, false, false, false, true]);
    expect(page.hasTextNodeWith(page.root, "Docket Text")).toBe(true);
    expect(page.hasTextNodeWith(page.within(page.root, "p")[0]!, "Docket Text")).toBe(false);
    expect(page.hasTextNodeWith(page.root, "et Text")).toBe(true);
    expect(page.hasTextNodeWith(cells[0]!, "")).toBe(true);
  });

  it("answers as each text node searched in turn would, on every district fixture", () => {
    const phrases = [
      "Docket Text",
      "Total file size of selected documents",
      "Footer format:",
      "Adversary Proceeding",
      "Date Filed",
      "e",
      " ",
    ];
    for (const fixture of listFixtures("district")) {
      const page = parseHtml(readFixture(fixture));
      for (const el of [page.root, ...page.within(page.root, "table"), ...page.within(page.root, "td")]) {
        for (const phrase of phrases) {
          expect(page.hasTextNodeWith(el, phrase), `${fixture.name}: ${phrase}`).toBe(oneNodeHas(page, el, phrase));
        }
      }
    }
  });
});
