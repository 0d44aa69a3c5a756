package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** The original Clinico server's public professional search, free slots and doctor profile, under /clinico. */
class ClinicoOriginalProfessionalTests extends ClinicoApiTest {

	@Autowired
	ClinicianRegistry clinicians;

	@Autowired
	Availability availability;

	ClinicoOriginalPeople original;

	@BeforeEach
	void originalPeople() {
		original = new ClinicoOriginalPeople(http, clinic, clinicians, availability);
	}

	@Test
	void theSearchListsVerifiedProfessionalsBySpecialtyForAnyone() {
		String specialty = "Original Specialty " + System.nanoTime();
		var doctor = original.doctor(specialty);
		JsonNode found = ok(http.get(API + "/professionals?specialty=" + specialty.replace(" ", "%20")).send(), 200);
		assertThat(found.isArray()).isTrue();
		assertThat(found).hasSize(1);
		JsonNode p = found.get(0);
		assertThat(Http.keys(p)).containsExactlyInAnyOrder("professional_id", "full_name", "specialty", "specialties",
				"credentials", "years_of_experience", "rating", "total_reviews", "languages_spoken",
				"verification_status");
		assertThat(p.path("professional_id").asLong()).isEqualTo(doctor.clinician().id());
		assertThat(p.path("full_name").asString()).isEqualTo(doctor.person().name());
		assertThat(p.path("specialty").asString()).isEqualTo(specialty);
		assertThat(p.path("credentials").asString()).isEqualTo("MBBS, MD");
		assertThat(p.path("years_of_experience").asInt()).isEqualTo(7);
		assertThat(p.path("rating").isNumber()).isTrue();
		assertThat(p.path("total_reviews").asInt()).isZero();
		assertThat(p.path("languages_spoken").asString()).isEqualTo("English, Hindi");
		assertThat(p.path("verification_status").asString()).isEqualTo("Verified");
		// a page at a time; a page larger than the face's largest is refused
		assertThat(ok(http.get(API + "/professionals?limit=1").send(), 200)).hasSize(1);
		error(http.get(API + "/professionals?limit=1000").send(), 400);
	}

	@Test
	void aProfessionalsFreeSlotsAreTheClinicsSlotsSoonestFirst() {
		var doctor = original.doctor("General Practitioner");
		JsonNode slots = ok(http.get(API + "/professionals/" + doctor.clinician().id() + "/availability").send(), 200);
		assertThat(slots.isArray()).isTrue();
		assertThat(slots.size()).isGreaterThan(40);
		JsonNode first = slots.get(0);
		assertThat(Http.keys(first)).containsExactlyInAnyOrder("slot_id", "start_time", "end_time");
		Instant start = Instant.parse(first.path("start_time").asString());
		assertThat(start).isAfter(Instant.now().minusSeconds(1));
		assertThat(Duration.between(start, Instant.parse(first.path("end_time").asString()))).isEqualTo(
				Duration.ofMinutes(30));
		assertThat(Instant.parse(slots.get(1).path("start_time").asString())).isAfter(start);
		// the same slots on the original's profile page, in its envelope
		JsonNode profile = ok(http.get(API + "/professionals/" + doctor.clinician().id() + "/profile").send(), 200);
		assertThat(Http.keys(profile)).containsExactlyInAnyOrder("success", "data");
		JsonNode d = profile.path("data").path("doctor");
		assertThat(d.path("id").asLong()).isEqualTo(doctor.clinician().id());
		assertThat(d.path("full_name").asString()).isEqualTo(doctor.person().name());
		assertThat(d.path("verification_status").asString()).isEqualTo("Verified");
		assertThat(d.path("languages_spoken").isArray()).isTrue();
		JsonNode offered = d.path("availability").get(0);
		assertThat(Http.keys(offered)).containsExactlyInAnyOrder("slot_id", "start_time", "end_time", "is_booked",
				"slot_date");
		assertThat(offered.path("slot_id").asLong()).isEqualTo(first.path("slot_id").asLong());
		assertThat(offered.path("is_booked").asBoolean()).isFalse();
	}

	@Test
	void anUnknownOrPendingProfessionalIsNotFoundAndABadIdIsRefused() {
		error(http.get(API + "/professionals/999999999/availability").send(), 404, "NOT_FOUND");
		error(http.get(API + "/professionals/999999999/profile").send(), 404, "NOT_FOUND");
		error(http.get(API + "/professionals/abc/availability").send(), 400);
	}
}
