"""The SQLite store's schema, one tuple of statements per version (`PRAGMA user_version`)."""

from __future__ import annotations

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE IF NOT EXISTS posts (
            id INTEGER PRIMARY KEY,  -- explicit, so VACUUM keeps the rowids posts_fts points at
            post_id TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL, created_at TEXT NOT NULL,
            platform TEXT NOT NULL, lang TEXT, primary_label TEXT NOT NULL, labels TEXT NOT NULL,
            near_key TEXT NOT NULL, duplicate_of TEXT, embedding_model TEXT NOT NULL,
            ingested_at TEXT NOT NULL, redacted_text TEXT NOT NULL, doc TEXT NOT NULL, vec_hash BLOB)""",
        "CREATE INDEX IF NOT EXISTS posts_seq ON posts (seq)",
        "CREATE INDEX IF NOT EXISTS posts_created_at ON posts (created_at)",
        "CREATE INDEX IF NOT EXISTS posts_originals ON posts (near_key, embedding_model, id) "
        "WHERE duplicate_of IS NULL",
        "CREATE TABLE IF NOT EXISTS post_labels (label TEXT NOT NULL, post_rowid INTEGER NOT NULL, "
        "PRIMARY KEY (label, post_rowid)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS post_labels_post ON post_labels (post_rowid)",
        "CREATE TABLE IF NOT EXISTS vectors (post_id TEXT PRIMARY KEY, model TEXT NOT NULL, "
        "dim INTEGER NOT NULL, vector BLOB NOT NULL)",
        """CREATE TABLE IF NOT EXISTS dead_letters (dead_letter_id TEXT PRIMARY KEY, stage TEXT NOT NULL,
            reason TEXT NOT NULL, detail TEXT NOT NULL, source TEXT, position INTEGER, post_id TEXT,
            original BLOB NOT NULL, created_at TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS dead_letters_created_at ON dead_letters (created_at)",
        "CREATE VIRTUAL TABLE IF NOT EXISTS posts_fts USING fts5 (redacted_text, content = 'posts', "
        "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')",
        # The WHEN clauses skip the index work when an update left the text or the labels as they were.
        """CREATE TRIGGER IF NOT EXISTS posts_ai AFTER INSERT ON posts BEGIN
        INSERT INTO posts_fts (rowid, redacted_text) VALUES (new.id, new.redacted_text);
        INSERT OR IGNORE INTO post_labels SELECT value, new.id FROM json_each(new.labels);
        END""",
        """CREATE TRIGGER IF NOT EXISTS posts_au_text AFTER UPDATE OF redacted_text ON posts
        WHEN old.redacted_text IS NOT new.redacted_text BEGIN
        INSERT INTO posts_fts (posts_fts, rowid, redacted_text) VALUES ('delete', old.id, old.redacted_text);
        INSERT INTO posts_fts (rowid, redacted_text) VALUES (new.id, new.redacted_text);
        END""",
        """CREATE TRIGGER IF NOT EXISTS posts_au_labels AFTER UPDATE OF labels ON posts
        WHEN old.labels IS NOT new.labels BEGIN
        DELETE FROM post_labels WHERE post_rowid = old.id;
        INSERT OR IGNORE INTO post_labels SELECT value, new.id FROM json_each(new.labels);
        END""",
        """CREATE TRIGGER IF NOT EXISTS posts_ad AFTER DELETE ON posts BEGIN
        INSERT INTO posts_fts (posts_fts, rowid, redacted_text) VALUES ('delete', old.id, old.redacted_text);
        DELETE FROM post_labels WHERE post_rowid = old.id;
        DELETE FROM vectors WHERE post_id = old.post_id;
        END""",
    ),
}
