-- A search for a substring of the text reads a trigram index instead of every row. pg_trgm comes with PostgreSQL and
-- is a trusted extension: a user who may create in the database may create it. Searches by time use the index on
-- acceptance order.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX messages_text_trigrams ON messages USING gin (message_text gin_trgm_ops);
