package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.ClinicianSearch;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.OpenSlot;

/**
 * The original Clinico server's public professional search, a professional's free slots and their profile with
 * availability — what its client's booking service reads. Only clinicians the public may see: listed, active and
 * verified. A slot's {@code slot_id} is the clinic's slot id, which {@code POST /api/appointments} books.
 */
@RestController
@RequestMapping("/api/professionals")
class ClinicoOriginalProfessionalController {

	/** Free slots are offered from today for as many days as an availability batch opens. */
	static final int SLOT_DAYS = 28;

	private final ClinicianRegistry clinicians;
	private final Availability availability;

	ClinicoOriginalProfessionalController(ClinicianRegistry clinicians, Availability availability) {
		this.clinicians = clinicians;
		this.availability = availability;
	}

	record Professional(long professionalId, String fullName, @Nullable String specialty, List<String> specialties,
			@Nullable String credentials, @Nullable Integer yearsOfExperience, double rating, int totalReviews,
			@Nullable String languagesSpoken, String verificationStatus) {

		static Professional of(Clinician c) {
			return new Professional(c.id(), c.fullName(), ClinicoOriginalDialect.specialty(c), c.specializations(),
					ClinicoOriginalDialect.credentials(c), c.yearsOfExperience(), c.listing().rating(),
					c.listing().ratingCount(), ClinicoOriginalDialect.joined(c.languages()),
					ClinicoOriginalDialect.verification(c.verification()));
		}
	}

	record FreeSlot(long slotId, Instant startTime, Instant endTime) {

		static FreeSlot of(OpenSlot slot) {
			return new FreeSlot(slot.id().value(), slot.startsAt(), slot.endsAt());
		}
	}

	record ProfileSlot(long slotId, Instant startTime, Instant endTime, boolean isBooked, LocalDate slotDate) {

		static ProfileSlot of(OpenSlot slot) {
			return new ProfileSlot(slot.id().value(), slot.startsAt(), slot.endsAt(), false, slot.date());
		}
	}

	record Doctor(long id, String fullName, @Nullable String specialty, List<String> specialties,
			@Nullable String credentials, @Nullable Integer yearsOfExperience, String verificationStatus,
			List<String> languagesSpoken, double rating, int totalReviews, long consultationFee, String currency,
			@Nullable String profilePictureUrl, @Nullable String bio, List<ProfileSlot> availability) {
	}

	record DoctorData(Doctor doctor) {
	}

	record ProfileReply(boolean success, DoctorData data) {
	}

	/** By name, a page at a time: the face's {@code page} and {@code limit}. */
	@PublicEndpoint
	@GetMapping
	List<Professional> search(PageQuery page, @RequestParam(required = false) @Nullable String specialty) {
		var search = new ClinicianSearch(null, blankToNull(specialty), null, null, null, ClinicianSearch.Order.NAME,
				false);
		// the public's view, whoever asks: the original lists verified professionals only
		return clinicians.search(search, page.pageable(), null).getContent().stream()
			.map(Professional::of)
			.toList();
	}

	/** The free slots, soonest first, from today to the 28th day on the professional's clock. */
	@PublicEndpoint
	@GetMapping("/{id}/availability")
	List<FreeSlot> availability(@PathVariable long id) {
		return freeSlots(id).stream().map(FreeSlot::of).toList();
	}

	/** The original's profile page of a doctor, its free slots as {@code availability}, in its envelope. */
	@PublicEndpoint
	@GetMapping("/{id}/profile")
	ProfileReply profile(@PathVariable long id) {
		Clinician c = clinicians.getListed(id);
		List<ProfileSlot> slots = freeSlots(id).stream().map(ProfileSlot::of).toList();
		return new ProfileReply(true, new DoctorData(new Doctor(c.id(), c.fullName(),
				ClinicoOriginalDialect.specialty(c), c.specializations(), ClinicoOriginalDialect.credentials(c),
				c.yearsOfExperience(), ClinicoOriginalDialect.verification(c.verification()), c.languages(),
				c.listing().rating(), c.listing().ratingCount(), c.feeMinor(), c.currency(), c.profilePictureUrl(),
				c.bio(), slots)));
	}

	private List<OpenSlot> freeSlots(long clinicianId) {
		LocalDate today = availability.today(clinicianId);
		return availability.openSlots(clinicianId, today, today.plusDays(SLOT_DAYS - 1));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
