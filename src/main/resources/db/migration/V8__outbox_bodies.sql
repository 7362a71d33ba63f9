-- A summary's rendered bodies in a table of their own: claiming a mail and marking it sent update the
-- outbox row twice, and H2 rewrites a whole row on every update (with the bodies, some 30 KB each time,
-- twice per mail). The bodies are written once and read once, when the mail is claimed.
CREATE TABLE summary_outbox_body (
    mail_id   BIGINT           NOT NULL PRIMARY KEY REFERENCES summary_outbox (id) ON DELETE CASCADE,
    body_html VARCHAR(1000000) NOT NULL,
    body_text VARCHAR(1000000) NOT NULL
);
INSERT INTO summary_outbox_body (mail_id, body_html, body_text) SELECT id, body_html, body_text FROM summary_outbox;
ALTER TABLE summary_outbox DROP COLUMN body_html;
ALTER TABLE summary_outbox DROP COLUMN body_text;
