import { it } from "vitest";
import { generateRecord } from "../bench/generate-record";
import { buildTestApp } from "../test/support/app";
import { recordQueries } from "../test/support/query-plans";
it("x", async () => {
  const { app, db } = await buildTestApp();
  generateRecord(db, { cases: 3, entries: 3000, bigCase: 2000 });
  const { queries } = await recordQueries(db, () => app.inject("/cases/generated-case-0001?page=3"));
  for (const q of queries.filter((q) => q.params.length > 50)) console.log(q.params.length, q.sql.slice(0, 400));
  console.log(queries.length);
});
