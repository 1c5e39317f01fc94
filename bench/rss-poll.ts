/**
 * One poll of a court's RSS feed, end to end, against the same feed parsed alone: a 200-item
 * feed (items of the real sdny_1.xml) served on 127.0.0.1, 5 of whose cases are watched, each
 * with a new filing in it. A timed poll is the whole job: the HTTP fetch, the checks and the
 * parse, the merge of the 5 new items (entries, citations, revisions) and the commit, on a fresh
 * database each pass (built before the clock starts). The reference is `parseRssFeed` of the
 * same bytes in the same process. Best of N passes; the ratio is what to watch.
 *
 * `npm run bench:rss [-- --passes N]`, or `runRssPollBench()` from `bench/run.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { closeDatabase, openDatabase, type Db } from "../db/client";
import { pollCourtFeed } from "../server/court-feeds/poll";
import { createCourtFeedsRepository } from "../server/court-feeds/repository";
import { parseRssFeed } from "../server/pacer";
import { createRecordStore } from "../server/records/store";
import { systemClock } from "../server/shared/clock";

// ../shared beside the project, or QUASH_SHARED_DIR (as for the tests).
const SHARED = process.env.QUASH_SHARED_DIR ?? fileURLToPath(new URL("../../shared/", import.meta.url));
const FEED = join(SHARED, "fixtures/pacer/rss/sdny_1.xml");
const ITEMS = 200;
const WATCHED = 5;

/** The first 200 items of sdny_1.xml; the 5 watched cases are the dockets of items 1, 41, 81, 121 and 161. */
function buildFeed(): { bytes: Buffer; watched: string[] } {
  const text = readFileSync(FEED, "latin1");
  const items = text.match(/<item>[\s\S]*?<\/item>/g)!.slice(0, ITEMS);
  const head = text.slice(0, text.indexOf("<item>"));
  const watched = [0, 40, 80, 120, 160].map((i) => /<title>(\S+)/.exec(items[i]!)![1]!);
  return { bytes: Buffer.from(`${head}${items.join("\n")}\n</channel>\n</rss>\n`, "latin1"), watched };
}

function freshDatabase(watched: string[], feedUrl: string): Db {
  const db = openDatabase(":memory:");
  const store = createRecordStore(db, systemClock);
  const actor = { actor: { userId: null, label: "bench" } };
  store.insert(
    "court",
    { id: "nysd", name: "U.S. District Court for the Southern District of New York", shortName: "S.D.N.Y.", timeZone: "America/New_York" },
    actor,
  );
  watched.forEach((number, i) => {
    store.insert(
      "case",
      {
        slug: `watched-${i}`,
        courtId: "nysd",
        docketNumber: number,
        docketNumberCore: number,
        label: `Watched case ${i + 1}`,
        group: "meta",
        watched: true,
      },
      actor,
    );
  });
  createCourtFeedsRepository(db).saveFeed("nysd", { feedUrl }, systemClock.now());
  return db;
}

export async function runRssPollBench(passes = 10) {
  const { bytes, watched } = buildFeed();
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/rss+xml", etag: '"bench"' }).end(bytes));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/rss_outside.pl`;
  const dataDir = mkdtempSync(join(tmpdir(), "quash-bench-rss-"));
  let bestPoll = Infinity;
  let bestParse = Infinity;
  let created = 0;
  let dropped = 0;
  try {
    for (let pass = 0; pass <= passes; pass++) {
      const db = freshDatabase(watched, url);
      const t0 = performance.now();
      const summary = await pollCourtFeed({ db, clock: systemClock, dataDir, userAgent: "Quash bench", timeoutMs: 10_000 }, "nysd");
      const pollMs = performance.now() - t0;
      closeDatabase(db);
      const t1 = performance.now();
      const parsed = parseRssFeed(bytes.toString("latin1"), "nysd");
      const parseMs = performance.now() - t1;
      if (!Array.isArray(parsed) || summary.status !== "imported" || summary.entriesCreated < WATCHED)
        throw new Error(`the poll did not merge the watched items: ${JSON.stringify(summary)}`);
      created = summary.entriesCreated;
      dropped = summary.dropped;
      if (pass === 0) continue; // warm-up
      bestPoll = Math.min(bestPoll, pollMs);
      bestParse = Math.min(bestParse, parseMs);
    }
  } finally {
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    items: ITEMS,
    watched: WATCHED,
    created,
    dropped,
    passes,
    bestPollMs: bestPoll,
    bestParseMs: bestParse,
    ratio: bestPoll / bestParse,
    loadAverage: loadavg(),
  };
}

export function printRssPollBench(r: Awaited<ReturnType<typeof runRssPollBench>>) {
  console.log(
    `RSS poll, ${r.items}-item feed, ${r.watched} watched cases (${r.created} entries created, ${r.dropped} items dropped), best of ${r.passes}:`,
  );
  console.log(`  poll end to end (fetch, parse, merge, commit): ${r.bestPollMs.toFixed(1)} ms`);
  console.log(`  the same feed parsed alone:                    ${r.bestParseMs.toFixed(1)} ms`);
  console.log(`  ratio poll / parse: ${r.ratio.toFixed(2)}   (load average ${r.loadAverage.map((l) => l.toFixed(2)).join(" ")})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--passes");
  printRssPollBench(await runRssPollBench(i > 0 ? Number(process.argv[i + 1]) : undefined));
}
