/**
 * The render of public pages with the page cache off, for a CPU profile and for a before/after
 * check that an optimisation changed no byte (issue 18.2). On the bundled record, on a fixed clock.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/render-profile.ts   # renders the small docket 2,000 times (RENDER_URL=/ another page)
 *   npx tsx bench/render-profile.ts --digest > before.txt    # one SHA-256 per page; diff with a later run
 *   npx tsx bench/render-profile.ts --floor                  # what a render costs at the least, part by part (RENDER_URL too)
 *
 * `--floor` splits one rendered page into what it cannot do without, each timed alone, best of
 * several rounds: its SQL (every statement the request ran, replayed on the raw driver with its
 * own parameters, rows as arrays: no drizzle, no projection) and its templates (the compiled
 * page and layout applied to the very context the request gave them, outside Fastify), beside
 * the whole request through app.inject. The sum of the two is the floor of a render in this
 * design; the rest is drizzle's row mapping, the projection, the view model, Fastify and the
 * page cache's bookkeeping.
 */
import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { openDatabase } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { fixedClock } from "../server/shared/clock";

// --floor: every template the views plugin compiles is wrapped to keep the context it was last applied to.
type Applied = { template: HandlebarsTemplateDelegate; context: unknown; options: RuntimeOptions | undefined };
const applied: Applied[] = [];
let depth = 0;
let recording = true;
if (process.argv.includes("--floor")) {
  const create = Handlebars.create.bind(Handlebars);
  Handlebars.create = () => {
    const hbs = create();
    const compile = hbs.compile.bind(hbs);
    hbs.compile = ((source: string, options?: CompileOptions) => {
      const template = compile(source, options);
      // Only the outermost applications (the page, then the layout): partials run inside them.
      const wrapped = (context: unknown, runtime?: RuntimeOptions) => {
        if (depth === 0 && recording) applied.push({ template, context, options: runtime });
        depth++;
        try {
          return template(context, runtime);
        } finally {
          depth--;
        }
      };
      return wrapped as HandlebarsTemplateDelegate;
    }) as typeof hbs.compile;
    return hbs;
  };
}

const clock = fixedClock("2026-11-21T20:00:00.000Z");
const db = openDatabase(":memory:");
seedDatabase(db, { clock });
const app = await buildApp({ config: testConfig({ pageCache: false }), db, clock });
await app.ready();

const slug = (sql: string) => (db.$client.prepare(sql).get() as { slug: string }).slug;
const small = slug(
  `SELECT c.slug FROM cases c JOIN docket_entries e ON e.case_id = c.id AND e.deleted_at IS NULL
   WHERE c.deleted_at IS NULL AND c.published = 1 GROUP BY c.id HAVING count(e.id) >= 3 ORDER BY count(e.id), c.id LIMIT 1`,
);
const largest = slug(
  `SELECT c.slug FROM cases c JOIN docket_entries e ON e.case_id = c.id AND e.deleted_at IS NULL
   WHERE c.deleted_at IS NULL AND c.published = 1 GROUP BY c.id ORDER BY count(e.id) DESC, c.id LIMIT 1`,
);
const subpoena = slug(`SELECT slug FROM subpoenas WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);

if (process.argv.includes("--digest")) {
  const urls = [
    `/cases/${small}`,
    `/cases/${largest}`,
    `/cases/${largest}?kind=order`,
    "/",
    "/cases",
    `/subpoenas/${subpoena}`,
    "/timeline",
    `/api/v1/cases/${small}`,
    `/api/v1/cases/${largest}`,
    "/feed.atom",
  ];
  for (const url of urls) {
    const res = await app.inject(url);
    console.log(`${res.statusCode} ${createHash("sha256").update(res.rawPayload).digest("hex")} ${url}`);
  }
} else if (process.argv.includes("--floor")) {
  const url = process.env.RENDER_URL ?? `/cases/${small}`;
  const rounds = Number(process.env.ROUNDS ?? 7);
  const per = Number(process.env.RENDERS ?? 300);
  /** Best of `rounds` rounds of `per` calls, in milliseconds a call: load on a shared machine only ever slows a round. */
  const best = async (work: () => unknown) => {
    let fastest = Infinity;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      for (let i = 0; i < per; i++) await work();
      fastest = Math.min(fastest, (performance.now() - started) / per);
    }
    return fastest;
  };
  // One request, recording every statement it runs and every template it applies.
  const statement = Object.getPrototypeOf(db.$client.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
  const ran: { source: string; method: string; args: unknown[] }[] = [];
  const originals = Object.fromEntries(["all", "get", "run", "iterate"].map((m) => [m, statement[m]!]));
  for (const method of Object.keys(originals))
    statement[method] = function (this: { source: string }, ...args: unknown[]) {
      ran.push({ source: this.source, method, args });
      return originals[method]!.apply(this, args);
    };
  await app.inject(url);
  applied.length = 0;
  ran.length = 0;
  const body = (await app.inject(url)).body;
  Object.assign(statement, originals);
  const replays = ran.map(({ source, method, args }) => {
    const prepared = db.$client.prepare(source);
    if (prepared.reader) prepared.raw(true);
    return () => (method === "run" ? prepared.run(...args) : method === "get" ? prepared.get(...args) : prepared.all(...args));
  });
  recording = false;
  const templates = [...applied];
  const rendered = templates.map((t) => t.template(t.context, t.options));
  // A JSON answer applies no template: its floor is its statements alone.
  if (templates.length > 0 && rendered.at(-1) !== body) throw new Error(`${url}: the templates alone gave other bytes than the request`);
  const request = await best(() => app.inject(url));
  const sql = await best(() => replays.forEach((replay) => replay()));
  const render = await best(() => templates.forEach((t) => t.template(t.context, t.options)));
  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`${url} (${(body.length / 1024).toFixed(0)} KB), best of ${rounds} rounds of ${per}:`);
  console.log(`  whole request (app.inject, page cache off)  ${ms(request)}`);
  console.log(`  its ${ran.length} statements on the raw driver     ${ms(sql)}`);
  console.log(`  its ${templates.length} templates on the same context    ${ms(render)}`);
  console.log(
    `  floor (statements + templates)             ${ms(sql + render)}: at most ${(1000 / (sql + render)).toFixed(0)} renders a second on one core`,
  );
  console.log(`  the rest (drizzle, projection, view model, Fastify, cache)  ${ms(request - sql - render)}`);
} else {
  const count = Number(process.env.RENDERS ?? 2000);
  // RENDER_URL=/ (say) profiles another page.
  const url = process.env.RENDER_URL ?? `/cases/${small}`;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const res = await app.inject(url);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  }
  const ms = performance.now() - started;
  console.log(`${count} renders of ${url} in ${ms.toFixed(0)} ms: ${(ms / count).toFixed(2)} ms each (in-process inject)`);
}
await app.close();
db.$client.close();
