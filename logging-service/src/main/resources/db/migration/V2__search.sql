-- A search for a substring of the text reads a trigram index instead of every row. pg_trgm comes with PostgreSQL and
-- is a trusted extension: a user who may create in the database may create it. Searches by time use the index on
-- acceptance order.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- New rows wait in the index's pending list, which the logging services merge into the index in the background every
-- second (gin_clean_pending_list). At PostgreSQL's default limit of 4 MB a write that found the list full merged it
-- itself, and waited up to 2 s; with 64 MB no write is left to do it while the services run.
CREATE INDEX messages_text_trigrams ON messages USING gin (message_text gin_trgm_ops)
    WITH (fastupdate = on, gin_pending_list_limit = 65536);
