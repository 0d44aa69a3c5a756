-- analytics: the admin dashboard's payment series reads payments by when they were made
CREATE INDEX ix_payments_created ON payments (created_at);
CREATE INDEX ix_users_created ON users (created_at);
