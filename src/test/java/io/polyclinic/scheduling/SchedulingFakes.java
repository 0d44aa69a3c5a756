package io.polyclinic.scheduling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Billing's and video's answers to the read model, for tests of scheduling alone: standings and links the test sets,
 * and a record of every call, so that a test sees how many calls a page made.
 */
@TestConfiguration(proxyBeanMethods = false)
class SchedulingFakes {

	@Bean
	Payments fakePaymentStandings() {
		return new Payments();
	}

	@Bean
	Meetings fakeMeetingPlaces() {
		return new Meetings();
	}

	static class Payments implements PaymentStandings {

		final Map<Long, PaymentStanding> standings = new ConcurrentHashMap<>();
		final List<List<Long>> calls = Collections.synchronizedList(new ArrayList<>());

		@Override
		public Map<Long, PaymentStanding> of(Collection<Long> appointmentIds) {
			calls.add(List.copyOf(appointmentIds));
			return appointmentIds.stream().filter(standings::containsKey)
				.collect(Collectors.toMap(id -> id, standings::get));
		}
	}

	static class Meetings implements MeetingPlaces {

		final Map<Long, String> links = new ConcurrentHashMap<>();
		final List<List<Long>> calls = Collections.synchronizedList(new ArrayList<>());

		@Override
		public Map<Long, String> linksOf(Collection<Long> appointmentIds) {
			calls.add(List.copyOf(appointmentIds));
			return appointmentIds.stream().filter(links::containsKey).collect(Collectors.toMap(id -> id, links::get));
		}
	}
}
