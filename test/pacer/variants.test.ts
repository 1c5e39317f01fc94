import { describe, expect, it } from "vitest";
import { parseDocketReport, parseNef, parseRssFeed } from "../../server/pacer";
import { listFixtures, readExpected, readFixture, type Fixture, type FixtureFolder } from "./fixtures";
import { describeDifferences, jsonDifferences } from "./json-diff";
import { inHtmlParts, MIME_VARIANTS } from "./mime-variants";
import { RSS_VARIANTS } from "./rss-variants";
import { DOCKET_VARIANTS, HTML_VARIANTS, type Variant } from "./variants";

/**
 * The held-back acceptance files come from other courts and CM/ECF versions, saved by other
 * browsers and mail systems. Each developer fixture is therefore also parsed after rewritings
 * such files show and that cannot change the answer (markup case, quoting, `<tbody>`, line
 * endings, whitespace between tags, entity spelling, transfer encodings, charsets, boundaries,
 * feed layout), and must still give exactly the fixture's expected JSON. A failure here is a
 * parser that leans on how one file happens to be written.
 */

const PLANS: Array<{ folder: FixtureFolder; variants: Variant[] }> = [
  { folder: "district", variants: [...HTML_VARIANTS, ...DOCKET_VARIANTS] },
  { folder: "nef", variants: HTML_VARIANTS },
  { folder: "nef/mime", variants: [...MIME_VARIANTS, ...HTML_VARIANTS.map(inHtmlParts)] },
  { folder: "rss", variants: RSS_VARIANTS },
];

async function parse(fixture: Fixture, text: string): Promise<unknown> {
  switch (fixture.folder) {
    case "district":
      return parseDocketReport(text, fixture.courtId);
    case "rss":
      return parseRssFeed(text, fixture.courtId);
    default:
      return parseNef(text, fixture.courtId);
  }
}

for (const { folder, variants } of PLANS) {
  const fixtures = listFixtures(folder);
  describe(`PACER ${folder} variants`, () => {
    for (const variant of variants) {
      it(variant.name, async () => {
        const failures: string[] = [];
        let rewritten = 0;
        for (const fixture of fixtures) {
          const original = readFixture(fixture);
          const text = variant.apply(original);
          if (text === original) continue;
          rewritten++;
          const got = JSON.parse(JSON.stringify(await parse(fixture, text))) as unknown;
          const differences = jsonDifferences(got, readExpected(fixture));
          if (differences.length > 0) failures.push(`${fixture.name}:\n${describeDifferences(differences.slice(0, 5))}`);
        }
        // A rewriting that touches no file tests nothing.
        expect(rewritten).toBeGreaterThan(0);
        expect(failures, failures.join("\n")).toEqual([]);
      });
    }
  });
}
