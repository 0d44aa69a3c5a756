package io.polyclinic.billing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.polyclinic.billing.PaymentStatus;
import jakarta.persistence.LockModeType;

public interface StoredPayments extends JpaRepository<StoredPayment, Long> {

	Optional<StoredPayment> findByPublicId(UUID publicId);

	Optional<StoredPayment> findByProviderAndProviderOrderId(String provider, String providerOrderId);

	Optional<StoredPayment> findByProviderAndProviderPaymentId(String provider, String providerPaymentId);

	/** The row, locked until the transaction ends: two settlements of one payment queue here, never both publish. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from StoredPayment p where p.id = :id")
	Optional<StoredPayment> lock(@Param("id") long id);

	Optional<StoredPayment> findFirstByAppointmentIdOrderByCreatedAtDescIdDesc(long appointmentId);

	boolean existsByAppointmentIdAndStatus(long appointmentId, PaymentStatus status);

	/** An open order for the same appointment and amount, to hand out again rather than open a second one. */
	@Query("""
			select p from StoredPayment p
			where p.appointmentId = :appointmentId and p.provider = :provider
			  and p.status = io.polyclinic.billing.PaymentStatus.CREATED and p.providerOrderId is not null
			  and p.amountMinor = :amount and p.currency = :currency
			order by p.createdAt desc, p.id desc""")
	List<StoredPayment> openOrders(@Param("appointmentId") long appointmentId, @Param("provider") String provider,
			@Param("amount") long amountMinor, @Param("currency") String currency, Pageable page);
}
