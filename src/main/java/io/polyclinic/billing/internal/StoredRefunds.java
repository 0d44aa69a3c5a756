package io.polyclinic.billing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StoredRefunds extends JpaRepository<StoredRefund, Long> {

	/** The payment a refund is of, without loading the refund: its row is read only once the payment is locked. */
	@Query("select r.paymentId from StoredRefund r where r.id = :id")
	Optional<Long> paymentIdOf(@Param("id") long id);

	Optional<StoredRefund> findByPaymentIdAndIdempotencyKey(long paymentId, String idempotencyKey);

	Optional<StoredRefund> findByProviderAndProviderRefundId(String provider, String providerRefundId);

	Optional<StoredRefund> findByPublicId(UUID publicId);

	List<StoredRefund> findByPaymentIdOrderByCreatedAtAscIdAsc(long paymentId);
}
