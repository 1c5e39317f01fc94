import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeDeadline } from "../../server/deadlines";
import { sharedPath } from "../support/shared";

/** The verified examples, read in place from ../shared beside the project (never copied in). */
type Example = {
  id: number;
  trigger: string;
  days: number;
  dir: "after" | "before";
  expected: string;
  mail?: boolean;
  eo?: boolean;
  ca?: boolean;
};

const examplesFile = sharedPath("fixtures", "deadlines", "examples.json");
const examples = JSON.parse(readFileSync(examplesFile, "utf8")) as Example[];

describe("verified deadline examples (legal-rules.md § 1.8)", () => {
  it("reads the examples file", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const example of examples) {
    const options = `${example.mail ? " mail" : ""}${example.eo === false ? " eo-off" : ""}${example.ca ? " ca-on" : ""}`;
    it(`#${example.id}: ${example.trigger} ${example.days} days ${example.dir}${options} → ${example.expected}`, () => {
      const result = computeDeadline({
        trigger: example.trigger,
        days: example.days,
        direction: example.dir,
        // The file's defaults: mail false, eo true, ca false.
        service: example.mail ? "mail" : "electronic",
        eoClosures: example.eo ?? true,
        caHolidays: example.ca ?? false,
      });
      expect(result.due).toBe(example.expected);
    });
  }
});
