package io.polyclinic.billing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredRefunds extends JpaRepository<StoredRefund, Long> {

	Optional<StoredRefund> findByPaymentIdAndIdempotencyKey(long paymentId, String idempotencyKey);

	Optional<StoredRefund> findByProviderAndProviderRefundId(String provider, String providerRefundId);

	Optional<StoredRefund> findByPublicId(UUID publicId);

	List<StoredRefund> findByPaymentIdOrderByCreatedAtAscIdAsc(long paymentId);
}
