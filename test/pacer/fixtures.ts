import { readdirSync, readFileSync } from "node:fs";
import { decodePacerBytes } from "../../server/pacer";
import { sharedPath } from "../support/shared";

/**
 * The PACER golden files, read in place from `../shared/fixtures/pacer` beside the project
 * (resolved from this file, so it works from any checkout location).
 */
export const FIXTURES_DIR = `${sharedPath("fixtures", "pacer")}/`;

export type FixtureFolder = "district" | "rss" | "nef" | "nef/mime";

const EXTENSIONS: Record<FixtureFolder, string> = { district: ".html", rss: ".xml", nef: ".html", "nef/mime": ".txt" };

export type Fixture = {
  folder: FixtureFolder;
  /** File name, e.g. `cand_7.html`. */
  name: string;
  /** The court id the reference was given: the file stem up to the first "_". */
  courtId: string;
  path: string;
  expectedPath: string;
};

export function listFixtures(folder: FixtureFolder): Fixture[] {
  const dir = `${FIXTURES_DIR}${folder}/`;
  const ext = EXTENSIONS[folder];
  return readdirSync(dir)
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => {
      const stem = name.slice(0, -ext.length);
      return { folder, name, courtId: stem.split("_")[0]!, path: dir + name, expectedPath: `${dir}${stem}.json` };
    });
}

export function readFixture(fixture: Fixture): string {
  return decodePacerBytes(readFileSync(fixture.path));
}

export function readExpected(fixture: Fixture): unknown {
  return JSON.parse(readFileSync(fixture.expectedPath, "utf8"));
}
