-- a reader's unread messages per conversation (H2 has no partial index: read_at is a key column instead)
CREATE INDEX ix_messages_unread ON messages (receiver_user_id, conversation_id, read_at);
