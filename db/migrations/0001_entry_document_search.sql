-- Full-text search over docket entry text and documents' extracted text (server/search/), with
-- SQLite FTS5. External-content tables: the text is stored once, in docket_entries and documents,
-- and these triggers keep the index in step with every insert, change of the indexed columns and
-- delete. The index holds sealed text too, so only staff pages may query it: the public docket
-- search reads docket_entries with its own sealed-aware filter instead.
-- The porter stemmer lets "quash" find "quashing"; remove_diacritics folds accents.
CREATE VIRTUAL TABLE docket_entries_fts USING fts5(
  description,
  short_description,
  content = 'docket_entries',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE documents_fts USING fts5(
  description,
  extracted_text,
  content = 'documents',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER docket_entries_fts_after_insert AFTER INSERT ON docket_entries BEGIN
  INSERT INTO docket_entries_fts (rowid, description, short_description)
  VALUES (new.id, new.description, new.short_description);
END;
--> statement-breakpoint
-- An external-content index forgets a row only when told the exact values it indexed.
CREATE TRIGGER docket_entries_fts_after_delete AFTER DELETE ON docket_entries BEGIN
  INSERT INTO docket_entries_fts (docket_entries_fts, rowid, description, short_description)
  VALUES ('delete', old.id, old.description, old.short_description);
END;
--> statement-breakpoint
CREATE TRIGGER docket_entries_fts_after_update AFTER UPDATE OF description, short_description ON docket_entries BEGIN
  INSERT INTO docket_entries_fts (docket_entries_fts, rowid, description, short_description)
  VALUES ('delete', old.id, old.description, old.short_description);
  INSERT INTO docket_entries_fts (rowid, description, short_description)
  VALUES (new.id, new.description, new.short_description);
END;
--> statement-breakpoint
CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, description, extracted_text)
  VALUES (new.id, new.description, new.extracted_text);
END;
--> statement-breakpoint
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, description, extracted_text)
  VALUES ('delete', old.id, old.description, old.extracted_text);
END;
--> statement-breakpoint
CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF description, extracted_text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, description, extracted_text)
  VALUES ('delete', old.id, old.description, old.extracted_text);
  INSERT INTO documents_fts (rowid, description, extracted_text)
  VALUES (new.id, new.description, new.extracted_text);
END;
--> statement-breakpoint
-- Index what a database migrated from 0000 already holds.
INSERT INTO docket_entries_fts (docket_entries_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
