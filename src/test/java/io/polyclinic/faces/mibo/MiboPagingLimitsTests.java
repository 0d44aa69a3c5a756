package io.polyclinic.faces.mibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.MiboClient;

/**
 * Every Mibo list caps its page (issue 6, item 11): a page number whose offset would overflow and a page size over
 * the maximum are the caller's mistake (400 in Mibo's shape), never a 500 and never the whole table; the
 * notification history, whose contract has a bare {@code limit}, cuts a huge one to its maximum.
 */
class MiboPagingLimitsTests extends ApiTest {

	static final List<String> PAGED_LISTS = List.of("/mibo/api/appointments", "/mibo/api/centres", "/mibo/api/clinicians",
			"/mibo/api/users", "/mibo/api/patients", "/mibo/api/payments/history?patientId=1", "/mibo/api/video/links");

	@Test
	void anOverflowingPageOrAnOversizedLimitIsRefusedByEveryPagedList() {
		String admin = new MiboClient(http).adminToken();
		List<String> wrong = new ArrayList<>();
		for (String list : PAGED_LISTS) {
			String join = list.contains("?") ? "&" : "?";
			for (String query : List.of("page=2147483647", "page=99999999999", "limit=101", "limit=0", "page=0")) {
				var res = http.get(list + join + query).token(admin).send();
				if (res.status() != 400 || !"VALIDATION_ERROR".equals(res.json().path("error").path("code").asString())) {
					wrong.add(list + join + query + " answered " + res);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theLastPageThatFitsIsAnsweredEmpty() {
		String admin = new MiboClient(http).adminToken();
		var res = http.get("/mibo/api/centres?page=1000000&limit=100").token(admin).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().isArray()).isTrue();
		assertThat(res.data().size()).isZero();
	}

	@Test
	void theNotificationHistoryCutsAHugeLimitToItsMaximum() {
		String admin = new MiboClient(http).adminToken();
		var res = http.get("/mibo/api/notifications/history?limit=100000").token(admin).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().size()).isLessThanOrEqualTo(100);
		var zero = http.get("/mibo/api/notifications/history?limit=0").token(admin).send();
		assertThat(zero.status()).as(zero.toString()).isEqualTo(400);
		assertThat(zero.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
	}
}
