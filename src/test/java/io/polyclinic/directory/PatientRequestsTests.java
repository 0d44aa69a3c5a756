package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Patient requests as the directory keeps them: one live request per pair (the database refuses a second, however
 * concurrent), decisions once only, an accepted request as the follow link every module asks about, the clinician's
 * pending list with each patient's name, age and note, and the events that tell the clinic.
 */
@RecordApplicationEvents
class PatientRequestsTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	PatientRequests requests;
	@Autowired
	PatientRegistry patients;
	@Autowired
	CareTeam careTeam;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	AccessPolicy access;
	@Autowired
	Accounts accounts;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEvents heard;

	record Person(long id, long userId, UUID account, Actor actor) {
	}

	Person patient() {
		Patient p = clinic.patient();
		return new Person(p.id(), p.userId(), accounts.get(p.userId()).publicId(), clinic.actorOf(p.userId(),
				Role.PATIENT));
	}

	Person doctor() {
		Clinician c = clinic.clinician(null, "Asia/Kolkata");
		return new Person(c.id(), c.userId(), c.accountId(), clinic.actorOf(c.userId(), Role.CLINICIAN));
	}

	@Test
	void aPendingRequestIsTheDoctorsToSeeWithThePatientsNameAgeAndNote() {
		Person doctor = doctor();
		Person older = patient();
		Person younger = patient();
		LocalDate born = LocalDate.now(ZoneOffset.UTC).minusYears(35).plusDays(1); // 35 tomorrow: 34 today
		patients.change(older.id(), new PatientDetails(null, null, null, born, null, null, null, null, null,
				DiabetesType.TYPE_1), Actor.system());

		PatientRequest first = requests.request(older.account(), doctor.account(), "  Readings above 300  ",
				older.actor());
		PatientRequest second = requests.request(younger.account(), doctor.account(), "   ", younger.actor());

		assertThat(first.status()).isEqualTo(PatientRequest.Status.PENDING);
		assertThat(first.urgentNote()).isEqualTo("Readings above 300");
		assertThat(first.hasUrgentNote()).isTrue();
		assertThat(second.urgentNote()).isNull();
		assertThat(second.hasUrgentNote()).isFalse();

		var page = requests.pending(doctor.account(), PageRequest.of(0, 1), doctor.actor());
		assertThat(page.getTotalElements()).isEqualTo(2);
		assertThat(page.getContent()).singleElement().satisfies(r -> {
			assertThat(r.id()).isEqualTo(second.id()); // newest first
			assertThat(r.patient().accountId()).isEqualTo(younger.account());
			assertThat(r.patient().age()).isNull();
		});
		var all = requests.pending(doctor.account(), PageRequest.of(0, 10), doctor.actor()).getContent();
		assertThat(all).extracting(PatientRequest::id).containsExactly(second.id(), first.id());
		assertThat(all.get(1).patient().age()).isEqualTo(34)
			.isEqualTo(Period.between(born, LocalDate.now(ZoneOffset.UTC)).getYears());
		assertThat(all.get(1).patient().fullName()).startsWith("Patient ");
		assertThat(all.get(1).patient().diabetesType()).isEqualTo(DiabetesType.TYPE_1);
		assertThat(all.get(0).patient().diabetesType()).isNull();
		assertThat(all.get(1).doctor().accountId()).isEqualTo(doctor.account());
		assertThat(all.get(1).doctor().specialty()).isEqualTo("Clinical Psychologist");
	}

	@Test
	void aSecondLiveRequestOfAPairIsAConflictUntilTheFirstIsDeclined() {
		Person doctor = doctor();
		Person patient = patient();
		PatientRequest first = requests.request(patient.account(), doctor.account(), null, patient.actor());

		assertRefused(() -> requests.request(patient.account(), doctor.account(), null, patient.actor()),
				Refusal.Kind.CONFLICT, "REQUEST_PENDING");
		requests.decline(doctor.account(), first.id(), "  Patient limit reached ", doctor.actor());
		assertThat(requests.mine(patient.account(), PageRequest.of(0, 5), patient.actor()).getContent())
			.singleElement().satisfies(r -> {
				assertThat(r.status()).isEqualTo(PatientRequest.Status.DECLINED);
				assertThat(r.declineReason()).isEqualTo("Patient limit reached");
				assertThat(r.decidedAt()).isNotNull();
			});

		PatientRequest again = requests.request(patient.account(), doctor.account(), null, patient.actor());
		requests.accept(doctor.account(), again.id(), doctor.actor());
		assertRefused(() -> requests.request(patient.account(), doctor.account(), null, patient.actor()),
				Refusal.Kind.CONFLICT, "ALREADY_FOLLOWING");
		assertThat(requests.mine(patient.account(), PageRequest.of(0, 5), patient.actor()).getContent())
			.extracting(PatientRequest::status)
			.containsExactly(PatientRequest.Status.ACCEPTED, PatientRequest.Status.DECLINED);
	}

	@Test
	void theDatabaseItselfRefusesASecondLiveRequestOfAPair() {
		Person doctor = doctor();
		Person patient = patient();
		requests.request(patient.account(), doctor.account(), null, patient.actor());
		assertThatThrownBy(() -> insert(patient.id(), doctor.id(), "PENDING"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> insert(patient.id(), doctor.id(), "ACCEPTED"))
			.isInstanceOf(DataIntegrityViolationException.class);
		insert(patient.id(), doctor.id(), "DECLINED");
		insert(patient.id(), doctor.id(), "DECLINED");
	}

	@Test
	void ofConcurrentRequestsOfOnePairExactlyOneIsMade() throws Exception {
		Person doctor = doctor();
		Person patient = patient();
		int callers = 4;
		CountDownLatch start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				outcomes.add(pool.submit((Callable<String>) () -> {
					start.await();
					try {
						requests.request(patient.account(), doctor.account(), null, clinic.actorOf(patient.userId(),
								Role.PATIENT));
						return "made";
					}
					catch (Refusal e) {
						return e.code();
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (var outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("made").containsOnly("made", "REQUEST_PENDING");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_requests WHERE patient_id = ? AND clinician_id = ?")
			.params(patient.id(), doctor.id()).query(Long.class).single()).isOne();
	}

	@Test
	void anAcceptedRequestIsTheFollowLinkAndACareLink() {
		Person doctor = doctor();
		Person colleague = doctor();
		Person patient = patient();
		PatientRequest asked = requests.request(patient.account(), doctor.account(), null, patient.actor());
		requests.request(patient.account(), colleague.account(), null, patient.actor());
		assertThat(careTeam.follows(doctor.id(), patient.id())).isFalse();
		assertThat(access.maySeePatient(doctor.actor(), patient.id())).isFalse();
		assertThat(requests.isFollowedBy(patient.account(), doctor.account(), patient.actor())).isFalse();

		PatientRequest accepted = requests.accept(doctor.account(), asked.id(), doctor.actor());

		assertThat(accepted.status()).isEqualTo(PatientRequest.Status.ACCEPTED);
		assertThat(accepted.decidedAt()).isNotNull();
		assertThat(careTeam.follows(doctor.id(), patient.id())).isTrue();
		assertThat(careTeam.follows(colleague.id(), patient.id())).isFalse();
		assertThat(careTeam.caresFor(doctor.id(), patient.id())).isTrue();
		assertThat(access.maySeePatient(clinic.actorOf(doctor.userId(), Role.CLINICIAN), patient.id())).isTrue();
		assertThat(careTeam.followersOf(patient.id())).containsExactly(doctor.userId());
		assertThat(careTeam.followedBy(doctor.id(), PageRequest.of(0, 5)).getContent()).containsExactly(patient.id());
		assertThat(requests.isFollowedBy(patient.account(), doctor.account(), patient.actor())).isTrue();
		assertThat(requests.isFollowing(doctor.account(), patient.account(), doctor.actor())).isTrue();
		assertThat(requests.isFollowing(colleague.account(), patient.account(), colleague.actor())).isFalse();
		assertThat(requests.doctorsOf(patient.account(), patient.actor())).extracting(Clinician::id)
			.containsExactly(doctor.id());
		var mine = requests.patientsOf(doctor.account(), null, PageRequest.of(0, 5), doctor.actor());
		assertThat(mine.getTotalElements()).isOne();
		assertThat(mine.getContent()).extracting(Patient::id).containsExactly(patient.id());
		String name = mine.getContent().get(0).fullName();
		assertThat(requests.patientsOf(doctor.account(), name.substring(3).toUpperCase(), PageRequest.of(0, 5),
				doctor.actor()).getTotalElements()).isOne();
		assertThat(requests.patientsOf(doctor.account(), "nobody by this name", PageRequest.of(0, 5),
				doctor.actor()).getTotalElements()).isZero();
		// no longer pending: out of the doctor's list
		assertThat(requests.pending(doctor.account(), PageRequest.of(0, 5), doctor.actor()).getTotalElements())
			.isZero();
	}

	@Test
	void aRequestIsDecidedOnceOnlyAndOnlyByTheDoctorAsked() {
		Person doctor = doctor();
		Person other = doctor();
		Person patient = patient();
		PatientRequest asked = requests.request(patient.account(), doctor.account(), null, patient.actor());

		assertRefused(() -> requests.accept(other.account(), asked.id(), other.actor()), Refusal.Kind.FORBIDDEN,
				"FORBIDDEN");
		assertRefused(() -> requests.accept(doctor.account(), asked.id(), other.actor()), Refusal.Kind.FORBIDDEN,
				"FORBIDDEN");
		assertRefused(() -> requests.accept(doctor.account(), UUID.randomUUID(), doctor.actor()),
				Refusal.Kind.NOT_FOUND, "NOT_FOUND");
		requests.decline(doctor.account(), asked.id(), null, doctor.actor());
		assertRefused(() -> requests.accept(doctor.account(), asked.id(), doctor.actor()), Refusal.Kind.CONFLICT,
				"REQUEST_DECIDED");
		assertRefused(() -> requests.decline(doctor.account(), asked.id(), null, doctor.actor()),
				Refusal.Kind.CONFLICT, "REQUEST_DECIDED");
		assertThat(careTeam.follows(doctor.id(), patient.id())).isFalse();
	}

	@Test
	void anUnlistedDoctorMayBeAskedAnInactiveOneMayNot() {
		Person patient = patient();
		Person unlisted = doctor();
		clinicians.change(unlisted.id(), DirectoryAccessMatrixTests.details(null, null), ClinicianPractice.none(),
				new ClinicianListing.Changes(false, null, null), Actor.system());
		assertThat(requests.request(patient.account(), unlisted.account(), null, patient.actor()).status())
			.isEqualTo(PatientRequest.Status.PENDING);
		Person inactive = doctor();
		clinicians.toggleActive(inactive.id(), Actor.system());
		assertRefused(() -> requests.request(patient.account(), inactive.account(), null, patient.actor()),
				Refusal.Kind.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void aDoctorMayAskThePatientWhoThenDecides() {
		Person doctor = doctor();
		Person patient = patient();
		PatientRequest offered = requests.offer(doctor.account(), patient.account(), doctor.actor());

		assertThat(offered.initiatedBy()).isEqualTo(PatientRequest.Initiator.CLINICIAN);
		assertThat(offered.status()).isEqualTo(PatientRequest.Status.PENDING);
		assertThat(requests.offers(patient.account(), PageRequest.of(0, 5), patient.actor()).getContent())
			.extracting(PatientRequest::id).containsExactly(offered.id());
		// not among the doctor's requests to decide, and not theirs to decide
		assertThat(requests.pending(doctor.account(), PageRequest.of(0, 5), doctor.actor()).getTotalElements())
			.isZero();
		assertRefused(() -> requests.accept(doctor.account(), offered.id(), doctor.actor()), Refusal.Kind.FORBIDDEN,
				"FORBIDDEN");
		// one live request per pair, whoever asked
		assertRefused(() -> requests.request(patient.account(), doctor.account(), null, patient.actor()),
				Refusal.Kind.CONFLICT, "REQUEST_PENDING");
		assertRefused(() -> requests.offer(doctor.account(), patient.account(), doctor.actor()),
				Refusal.Kind.CONFLICT, "REQUEST_PENDING");

		requests.acceptOffer(patient.account(), offered.id(), patient.actor());
		assertThat(careTeam.follows(doctor.id(), patient.id())).isTrue();
		assertThat(careTeam.caresFor(doctor.id(), patient.id())).isTrue();
		assertThat(requests.offers(patient.account(), PageRequest.of(0, 5), patient.actor()).getContent()).isEmpty();
		assertRefused(() -> requests.offer(doctor.account(), patient.account(), doctor.actor()),
				Refusal.Kind.CONFLICT, "ALREADY_FOLLOWING");
		assertRefused(() -> requests.acceptOffer(patient.account(), offered.id(), patient.actor()),
				Refusal.Kind.CONFLICT, "REQUEST_DECIDED");
	}

	@Test
	void aPatientDeclinesADoctorsAskingAndCannotDecideTheirOwnRequest() {
		Person doctor = doctor();
		Person patient = patient();
		PatientRequest offered = requests.offer(doctor.account(), patient.account(), doctor.actor());
		PatientRequest declined = requests.declineOffer(patient.account(), offered.id(), " Not now ", patient.actor());
		assertThat(declined.status()).isEqualTo(PatientRequest.Status.DECLINED);
		assertThat(declined.declineReason()).isEqualTo("Not now");
		assertThat(careTeam.follows(doctor.id(), patient.id())).isFalse();

		PatientRequest own = requests.request(patient.account(), doctor.account(), null, patient.actor());
		assertRefused(() -> requests.acceptOffer(patient.account(), own.id(), patient.actor()),
				Refusal.Kind.FORBIDDEN, "FORBIDDEN");
		assertRefused(() -> requests.offer(doctor.account(), UUID.randomUUID(), doctor.actor()),
				Refusal.Kind.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void whatARequestSaysIsChecked() {
		Person doctor = doctor();
		Person patient = patient();
		assertRefused(() -> requests.request(patient.account(), doctor.account(), "x".repeat(1001), patient.actor()),
				Refusal.Kind.INVALID, Refusal.INVALID_INPUT);
		assertRefused(() -> requests.request(patient.account(), UUID.randomUUID(), null, patient.actor()),
				Refusal.Kind.NOT_FOUND, "NOT_FOUND");
		// a patient's account is no doctor's
		assertRefused(() -> requests.request(patient.account(), patient.account(), null, patient.actor()),
				Refusal.Kind.NOT_FOUND, "NOT_FOUND");
		PatientRequest asked = requests.request(patient.account(), doctor.account(), null, patient.actor());
		assertRefused(() -> requests.decline(doctor.account(), asked.id(), "x".repeat(501), doctor.actor()),
				Refusal.Kind.INVALID, Refusal.INVALID_INPUT);
	}

	@Test
	void askingAndDecidingAreAnnounced() {
		Person doctor = doctor();
		Person patient = patient();
		PatientRequest asked = requests.request(patient.account(), doctor.account(), "Urgent", patient.actor());
		requests.accept(doctor.account(), asked.id(), doctor.actor());
		Person declinedPatient = patient();
		PatientRequest declined = requests.request(declinedPatient.account(), doctor.account(), null,
				declinedPatient.actor());
		requests.decline(doctor.account(), declined.id(), "Full", doctor.actor());

		assertThat(heard.stream(Object.class).toList()).contains(
				new PatientRequestCreated(asked.id(), patient.id(), patient.userId(), asked.patient().fullName(),
						doctor.id(), doctor.userId(), true, asked.requestedAt()));
		assertThat(heard.stream(Object.class).toList()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(PatientRequestAccepted.class,
				a -> {
					assertThat(a.requestId()).isEqualTo(asked.id());
					assertThat(a.patientUserId()).isEqualTo(patient.userId());
					assertThat(a.clinicianUserId()).isEqualTo(doctor.userId());
				}));
		assertThat(heard.stream(Object.class).toList()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(PatientRequestDeclined.class,
				d -> {
					assertThat(d.requestId()).isEqualTo(declined.id());
					assertThat(d.reason()).isEqualTo("Full");
				}));
	}

	void insert(long patientId, long clinicianId, String status) {
		OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO patient_requests (public_id, patient_id, clinician_id, status, initiated_by, requested_at,
				                              created_at, updated_at)
				VALUES (?, ?, ?, ?, 'CLINICIAN', ?, ?, ?)""")
			.params(UUID.randomUUID(), patientId, clinicianId, status, now, now, now)
			.update();
	}

	static void assertRefused(Runnable call, Refusal.Kind kind, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, e -> {
			assertThat(e.kind()).isEqualTo(kind);
			assertThat(e.code()).isEqualTo(code);
		});
	}
}
