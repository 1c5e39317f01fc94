import { describe, expect, it } from "vitest";
import { MAX_SENTENCE, sentenceAround } from "../../server/cites/sentences";

/** The span of `needle` in `text` (its first occurrence). */
const spanOf = (text: string, needle: string): [number, number] => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  return [at, at + needle.length];
};

describe("the sentence a citation appears in", () => {
  it("does not end a sentence inside a citation or after a legal abbreviation", () => {
    const text =
      "The motion was filed. The Ninth Circuit held that a party may proceed under a pseudonym, Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000), when the need outweighs the prejudice. Other matters follow.";
    const cite = "Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000)";
    const span = spanOf(text, cite);
    expect(sentenceAround(text, span, [span])).toBe(
      "The Ninth Circuit held that a party may proceed under a pseudonym, Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000), when the need outweighs the prejudice.",
    );
  });

  it("shows a citation sentence with the proposition before it", () => {
    const text =
      "Background comes first. The First Amendment protects the decision to speak anonymously. See Talley v. California, 362 U.S. 60, 64 (1960); McIntyre v. Ohio Elections Comm'n, 514 U.S. 334, 357 (1995). Next point.";
    const talley = spanOf(text, "Talley v. California, 362 U.S. 60, 64 (1960)");
    const mcintyre = spanOf(text, "McIntyre v. Ohio Elections Comm'n, 514 U.S. 334, 357 (1995)");
    const expected =
      "The First Amendment protects the decision to speak anonymously. See Talley v. California, 362 U.S. 60, 64 (1960); McIntyre v. Ohio Elections Comm'n, 514 U.S. 334, 357 (1995).";
    expect(sentenceAround(text, mcintyre, [talley, mcintyre])).toBe(expected);
    expect(sentenceAround(text, talley, [talley, mcintyre])).toBe(expected);
  });

  it("keeps the initials of a name and an Id. inside the sentence", () => {
    const text = "Judge Thomas S. Hixson ordered Meta not to produce. Id. at 3. The order cited Fed. R. Civ. P. 45(d)(3) for the stay.";
    const rule = spanOf(text, "Fed. R. Civ. P. 45(d)(3)");
    const id = spanOf(text, "Id. at 3");
    expect(sentenceAround(text, rule, [id, rule])).toBe("The order cited Fed. R. Civ. P. 45(d)(3) for the stay.");
    expect(sentenceAround(text, id, [id, rule])).toBe("Judge Thomas S. Hixson ordered Meta not to produce. Id. at 3.");
  });

  it("stops at a paragraph break and joins a sentence broken across lines", () => {
    const text = "Heading of the brief\n\nCustoms may summon records only in an investigation\nof an entry. 19 U.S.C. § 1509(a).";
    const span = spanOf(text, "19 U.S.C. § 1509(a)");
    expect(sentenceAround(text, span, [span])).toBe(
      "Customs may summon records only in an investigation of an entry. 19 U.S.C. § 1509(a).",
    );
  });

  it("cuts a very long sentence around the citation, with ellipses, never mid-word", () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const text = `${words} 19 U.S.C. § 1509 ${words}.`;
    const span = spanOf(text, "19 U.S.C. § 1509");
    const sentence = sentenceAround(text, span, [span]);
    expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE + 4);
    expect(sentence).toMatch(/^… word\d+ .*19 U\.S\.C\. § 1509 .* word\d+ …$/);
  });
});
