-- The public search index gains an indexed `scope` column holding its record's case ("c12"), so
-- a search inside one case (the docket's q filter, the case filter) intersects two posting
-- lists instead of reading the case of every hit of its words across the whole record. Queries
-- put what a person typed under {title body}, so nobody's words ever match a scope token.
-- The index is derived: it is dropped and made again, and quash fills it at the next start
-- (public_search_state emptied), as it does for a database from before migration 0012.
DROP TABLE public_search_fts;
--> statement-breakpoint
CREATE VIRTUAL TABLE public_search_fts USING fts5(
  title,
  body,
  scope,
  kind UNINDEXED,
  record_id UNINDEXED,
  case_id UNINDEXED,
  date UNINDEXED,
  entry_kind UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
DELETE FROM public_search_state;
