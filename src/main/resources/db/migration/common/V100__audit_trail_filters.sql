-- audit: the administrators' log is filtered by who acted, by what they did and by how it ended, newest first;
-- each filter walks its own index in time order instead of the whole trail.
CREATE INDEX ix_audit_entries_actor ON audit_entries (actor_user_id, occurred_at);
CREATE INDEX ix_audit_entries_action ON audit_entries (action, occurred_at);
CREATE INDEX ix_audit_entries_outcome ON audit_entries (outcome, occurred_at);
