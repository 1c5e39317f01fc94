-- The public search (server/public-search/): one FTS5 index of what the public projection shows,
-- never of sealed text or private fields. It stores its own text, because what it indexes is
-- the redacted text the pages print, not the stored text. Rows are written by the record store
-- in each write's transaction (server/records/public-search-index.ts); the rowid is the
-- record's id times 16 plus a code of its kind and ranking weight, so a record's row is found
-- without a scan and the ranking never reads the stored columns.
-- title weighs more than body in the ranking (bm25 weights in the query).
CREATE VIRTUAL TABLE public_search_fts USING fts5(
  title,
  body,
  kind UNINDEXED,
  record_id UNINDEXED,
  case_id UNINDEXED,
  date UNINDEXED,
  entry_kind UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Whether the index has been filled from the records (a database from before this migration, or
-- one built by direct inserts, is filled once at start: quash's openDatabase path).
CREATE TABLE public_search_state (
  id integer PRIMARY KEY CHECK (id = 1),
  built_at text NOT NULL
);
