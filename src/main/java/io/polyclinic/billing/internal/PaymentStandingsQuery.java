package io.polyclinic.billing.internal;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.polyclinic.scheduling.PaymentStanding;
import io.polyclinic.scheduling.PaymentStandings;

/**
 * The payment standing scheduling's appointment views show: billing's rule, one statement for a whole page. Scheduling
 * asks only for appointments whose access it has decided.
 */
@Component
class PaymentStandingsQuery implements PaymentStandings {

	private final PaymentReadModel payments;

	PaymentStandingsQuery(PaymentReadModel payments) {
		this.payments = payments;
	}

	@Override
	public Map<Long, PaymentStanding> of(Collection<Long> appointmentIds) {
		return payments.standings(appointmentIds);
	}
}
