package io.polyclinic.billing.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.polyclinic.billing.PaymentStatus;
import jakarta.persistence.LockModeType;

public interface StoredPayments extends JpaRepository<StoredPayment, Long> {

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
			where p.appointmentId = :appointmentId and p.patientId = :patientId and p.provider = :provider
			  and p.status = io.polyclinic.billing.PaymentStatus.CREATED and p.providerOrderId is not null
			  and p.amountMinor = :amount and p.currency = :currency
			order by p.createdAt desc, p.id desc""")
	List<StoredPayment> openOrders(@Param("appointmentId") long appointmentId, @Param("patientId") long patientId,
			@Param("provider") String provider, @Param("amount") long amountMinor, @Param("currency") String currency,
			Pageable page);

	/** The newest payment of each appointment, in one query. */
	@Query("""
			select p from StoredPayment p
			where p.appointmentId in :appointmentIds
			  and (:patientId is null or p.patientId = :patientId)
			  and not exists (select q.id from StoredPayment q where q.appointmentId = p.appointmentId
			                  and (q.createdAt > p.createdAt or (q.createdAt = p.createdAt and q.id > p.id)))""")
	List<StoredPayment> latestOf(@Param("appointmentIds") Collection<Long> appointmentIds,
			@Param("patientId") @Nullable Long patientId);

	Page<StoredPayment> findByPatientId(long patientId, Pageable page);

	@Query("""
			select coalesce(sum(p.amountMinor), 0) from StoredPayment p
			where p.patientId = :patientId and p.currency = :currency
			  and p.status = io.polyclinic.billing.PaymentStatus.PAID""")
	long totalPaid(@Param("patientId") long patientId, @Param("currency") String currency);
}
