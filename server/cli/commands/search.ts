import { closeDatabase, openDatabase } from "../../../db/client";
import { loadConfig } from "../../config";
import { FTS_INDEXES, indexStructure, mergeIndexes, mergeSummary, MERGE_STEP_PAGES, optimizeIndex } from "../../search/upkeep";
import { EXIT, parseFlags, UsageError, type CliCommand } from "../command";

const USAGE = `quash search status | merge [--pages N] [--optimize]

status: each full-text index (the staff search's two, of docket text and of documents' text,
and the public search's) with its segments by level and its leaf pages.
merge: merges each index back into one segment, in steps of N leaf pages (default ${MERGE_STEP_PAGES}),
each its own short write transaction, as the nightly search-index-merge job does; for a server
run with JOB_RUNNER=off. --optimize merges each index in one write transaction instead (FTS5's
optimize: a few seconds on a million entries, while writers wait; readers go on reading).`;

export const searchCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional, values, switches } = parseFlags(args, { values: ["pages"], switches: ["optimize"] });
    const [action, ...extra] = positional;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (action !== "status" && action !== "merge")
      throw new UsageError(action ? `unknown action "${action}"` : "missing action (status or merge)");
    if (action === "status" && (values.pages !== undefined || switches.has("optimize"))) throw new UsageError("status takes no options");
    const pages = values.pages === undefined ? MERGE_STEP_PAGES : Number(values.pages);
    if (!Number.isInteger(pages) || pages < 1)
      throw new UsageError(`--pages needs a whole number of pages, at least 1 (not "${values.pages}")`);
    const config = loadConfig(io.env);
    const db = openDatabase(config.databaseFile);
    try {
      const status = () => {
        for (const index of FTS_INDEXES) {
          const s = indexStructure(db, index);
          io.stdout(
            `${index}\t${s.segments} segment${s.segments === 1 ? "" : "s"}\tby level ${s.levels.map((l) => l.segments).join("+") || "-"}\t${s.pages} leaf pages`,
          );
        }
      };
      if (action === "status") {
        status();
        return EXIT.ok;
      }
      if (switches.has("optimize")) {
        const before = FTS_INDEXES.map((index) => indexStructure(db, index).segments);
        for (const index of FTS_INDEXES) optimizeIndex(db, index);
        io.stdout(
          `Optimized: ${FTS_INDEXES.map((index, n) => `${index} ${before[n]} → ${indexStructure(db, index).segments}`).join(", ")}.`,
        );
      } else {
        io.stdout(`Merged: ${mergeSummary(await mergeIndexes(db, { pages }))}.`);
      }
      return EXIT.ok;
    } finally {
      closeDatabase(db);
    }
  },
};
