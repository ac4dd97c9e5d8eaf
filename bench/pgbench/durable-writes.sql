-- pgbench: one batch of the logging services' durable writes, six new messages of wrk's size (bench/wrk/post-message.lua)
-- in one statement, as jdbc/MessageTable stores them. Run by bench/database-ceiling.sh.
\set n random(1, 1000000000)
INSERT INTO messages (id, message_text, accepted_at_micros, stored_by)
SELECT gen_random_uuid()::text, 'wrk 1-' || :n || ' ' || gen_random_uuid()::text || repeat('x', 60),
       (extract(epoch FROM clock_timestamp()) * 1000000)::bigint, 'logging-1'
FROM generate_series(1, 6)
ON CONFLICT (id) DO NOTHING RETURNING id;
