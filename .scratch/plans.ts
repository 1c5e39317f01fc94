import Database from "better-sqlite3";
const db = new Database(process.argv[2]!, { readonly: true });
const q = (s: string, ...p: unknown[]) => { console.log("---", s.slice(0, 120)); for (const r of db.prepare("EXPLAIN QUERY PLAN " + s).all(...p) as {detail:string}[]) console.log("  ", r.detail); };
const held = `not exists (select 1 from publication_holds h where h.status = 'held' and h.record_type = 'entry' and h.record_id = cast("docket_entries"."id" as text))`;
q(`select count(*) from docket_entries where case_id = ? and "docket_entries"."deleted_at" is null and ${held}`, 1);
q(`select * from docket_entries where id in (select id from docket_entries where case_id = ? and "docket_entries"."deleted_at" is null and ${held} order by sequence, id limit 100 offset 19000) order by sequence, id`, 1);
q(`select * from docket_entries where id in (select id from docket_entries where case_id = ? and "docket_entries"."deleted_at" is null and kind = 'order' order by sequence desc, id desc limit 100 offset 10)`, 1);
q(`select * from docket_entries where id in (select id from docket_entries where case_id = ? and "docket_entries"."deleted_at" is null and date_filed >= '2021-01-01' and date_filed <= '2021-02-01' order by sequence, id limit 100)`, 1);
