-- Every acknowledged message, keyed by its id; read back in acceptance order (time, then id).
CREATE TABLE messages (
    id                 CHAR(36)         NOT NULL PRIMARY KEY,
    message_text       VARCHAR(1000000) NOT NULL,
    accepted_at_micros BIGINT           NOT NULL,
    stored_by          VARCHAR(255)     NOT NULL
);

CREATE INDEX messages_in_acceptance_order ON messages (accepted_at_micros, id);
