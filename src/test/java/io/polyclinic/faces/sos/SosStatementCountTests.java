package io.polyclinic.faces.sos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Statements;

/**
 * The sos lists cost no more SQL statements for a page of 50 than for a page of 5: what a page shows is read once
 * for the whole page, never once per row.
 */
class SosStatementCountTests extends SosApiTest {

	@Autowired
	AppointmentBook book;

	@Test
	void aListCostsTheSameWhateverItsPageSize() {
		String specialty = "Counted" + System.nanoTime();
		var patient = people.patient("Counted Patient");
		for (int i = 0; i < 12; i++) {
			var doctor = people.doctor("Dr. Counted " + i, specialty, "Indian/Mauritius", "eur", List.of("English", "French"));
			var day = Clinic.nextWeekday(ZoneId.of("Indian/Mauritius"), DayOfWeek.MONDAY).plusDays(i % 5);
			book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(doctor.id()), null, day,
					LocalTime.of(9 + i % 7, 0), SessionType.ONLINE), clinic.admin());
		}
		String admin = SosPeopleFixture.adminToken(http);
		String tourist = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);

		for (var list : Map.of("/sos/api/v1/doctors?specialisation=" + specialty + "&limit=", admin,
				"/sos/api/v1/appointments?limit=", tourist, "/sos/api/v1/users?search=counted&limit=", admin)
			.entrySet()) {
			var small = Statements.count(http.get(list.getKey() + 5).token(list.getValue()));
			var large = Statements.count(http.get(list.getKey() + 50).token(list.getValue()));
			assertThat(small.result().status()).as(small.toString()).isEqualTo(200);
			assertThat(large.result().status()).as(large.toString()).isEqualTo(200);
			// a page that is not full needs no count of its own: the larger page may cost one statement less
			assertThat(large.count()).as(list.getKey() + "\n" + large).isLessThanOrEqualTo(small.count());
			assertThat(large.count()).as(large.toString()).isLessThanOrEqualTo(12);
		}
	}
}
