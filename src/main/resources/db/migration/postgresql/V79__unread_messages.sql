-- a reader's unread messages per conversation: only the unread ones are indexed, so the index stays small
CREATE INDEX ix_messages_unread ON messages (receiver_user_id, conversation_id) WHERE read_at IS NULL;
