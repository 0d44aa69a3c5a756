-- Billing: what Stripe (and the faces that show it) need beside the core payment.
--
-- provider_status is the provider's own word for where an unsettled order stands (Stripe's intent status:
-- requires_action, processing, canceled); metadata the client's free key/value notes, as JSON; the refund columns
-- repeat the latest refund that went back (its provider id, reason and time), so that a payment reads without them.
ALTER TABLE payments ADD COLUMN provider_status VARCHAR(40);
ALTER TABLE payments ADD COLUMN metadata VARCHAR(4000);
ALTER TABLE payments ADD COLUMN refunded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payments ADD COLUMN last_refund_id VARCHAR(80);
ALTER TABLE payments ADD COLUMN refund_reason VARCHAR(500);

-- the provider's own word for a refund (Stripe: pending, succeeded, failed), passed through to the faces
ALTER TABLE refunds ADD COLUMN provider_status VARCHAR(40);
