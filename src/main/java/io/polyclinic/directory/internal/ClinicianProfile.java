package io.polyclinic.directory.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianListing;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.Verification;
import io.polyclinic.identity.Account;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "clinicians")
public class ClinicianProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private Long userId;
	private @Nullable Long primaryCentreId;
	private @Nullable Integer yearsOfExperience;
	private long feeMinor;
	private String currency;
	private int consultationMinutes;
	private @Nullable String profilePictureUrl;
	private @Nullable String bio;
	private @Nullable String designation;
	private @Nullable String registrationNumber;
	/** Comma-separated {@link ClinicianPractice#MODES}, in the order given; null or empty: none said. */
	private @Nullable String consultationModes;
	private boolean volunteer;
	private String timeZone;
	private boolean verified;
	@Enumerated(EnumType.STRING)
	private Verification kycStatus = Verification.VERIFIED;
	private @Nullable String kycNotes;
	private @Nullable Instant kycDecidedAt;
	private @Nullable String clinicName;
	private @Nullable String address;
	private boolean listed;
	private java.math.BigDecimal rating = java.math.BigDecimal.ZERO;
	private int ratingCount;
	private boolean active;
	private @Nullable Instant deletedAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "clinician_specializations", joinColumns = @JoinColumn(name = "clinician_id"))
	@OrderColumn(name = "position")
	@Column(name = "name")
	private List<String> specializations = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "clinician_qualifications", joinColumns = @JoinColumn(name = "clinician_id"))
	@OrderColumn(name = "position")
	@Column(name = "name")
	private List<String> qualifications = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "clinician_languages", joinColumns = @JoinColumn(name = "clinician_id"))
	@OrderColumn(name = "position")
	@Column(name = "name")
	private List<String> languages = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "clinician_expertise", joinColumns = @JoinColumn(name = "clinician_id"))
	@OrderColumn(name = "position")
	@Column(name = "name")
	private List<String> expertise = new ArrayList<>();

	protected ClinicianProfile() {
	}

	public ClinicianProfile(long userId, ZoneId zone, long feeMinor, String currency, int consultationMinutes,
			Instant now) {
		this.publicId = UUID.randomUUID();
		this.userId = userId;
		this.timeZone = zone.getId();
		this.feeMinor = feeMinor;
		this.currency = currency;
		this.consultationMinutes = consultationMinutes;
		this.active = true;
		this.listed = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void assignTo(@Nullable Long centreId, Instant now) {
		this.primaryCentreId = centreId;
		this.updatedAt = now;
	}

	public void describe(@Nullable List<String> specializations, @Nullable List<String> qualifications,
			@Nullable List<String> languages, @Nullable Integer yearsOfExperience, @Nullable String profilePictureUrl,
			@Nullable String bio, Instant now) {
		if (specializations != null) {
			this.specializations.clear();
			specializations.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(this.specializations::add);
		}
		if (qualifications != null) {
			this.qualifications.clear();
			qualifications.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(this.qualifications::add);
		}
		if (languages != null) {
			this.languages.clear();
			languages.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(this.languages::add);
		}
		if (yearsOfExperience != null) {
			this.yearsOfExperience = yearsOfExperience;
		}
		if (profilePictureUrl != null) {
			this.profilePictureUrl = blankToNull(profilePictureUrl);
		}
		if (bio != null) {
			this.bio = bio;
		}
		this.updatedAt = now;
	}

	/** The practice's fields that are given; modes are checked by the registry. */
	public void practise(ClinicianPractice practice, Instant now) {
		if (practice.designation() != null) {
			this.designation = blankToNull(practice.designation());
		}
		if (practice.registrationNumber() != null) {
			this.registrationNumber = blankToNull(practice.registrationNumber());
		}
		if (practice.consultationModes() != null) {
			this.consultationModes = String.join(",", practice.consultationModes().stream().distinct().toList());
		}
		if (practice.expertise() != null) {
			this.expertise.clear();
			practice.expertise().stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(this.expertise::add);
		}
		if (practice.volunteer() != null) {
			this.volunteer = practice.volunteer();
		}
		this.updatedAt = now;
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.trim();
	}

	/** The listing's fields that are given, and the fee's currency (upper-case ISO 4217). */
	public void list(ClinicianListing.Changes changes, Instant now) {
		if (changes.listed() != null) {
			this.listed = changes.listed();
		}
		if (changes.address() != null) {
			this.address = blankToNull(changes.address());
		}
		if (changes.currency() != null) {
			this.currency = changes.currency().trim().toUpperCase(java.util.Locale.ROOT);
		}
		if (changes.clinicName() != null) {
			this.clinicName = blankToNull(changes.clinicName());
		}
		this.updatedAt = now;
	}

	/** The clinician registered their own practice, or handed in new documents: the check starts (again). */
	public void awaitVerification(Instant now) {
		this.kycStatus = Verification.PENDING;
		this.kycDecidedAt = null;
		this.updatedAt = now;
	}

	/** An administrator's decision on the check. */
	public void decideVerification(Verification decision, @Nullable String notes, Instant now) {
		this.kycStatus = decision;
		this.kycNotes = notes == null || notes.isBlank() ? null : notes.trim();
		this.kycDecidedAt = now;
		this.updatedAt = now;
	}

	public Verification getKycStatus() { return kycStatus; }
	public @Nullable String getKycNotes() { return kycNotes; }
	public @Nullable Instant getKycDecidedAt() { return kycDecidedAt; }
	public @Nullable String getRegistrationNumber() { return registrationNumber; }

	public void charge(long feeMinor, Instant now) {
		this.feeMinor = feeMinor;
		this.updatedAt = now;
	}

	public void consultFor(int minutes, Instant now) {
		this.consultationMinutes = minutes;
		this.updatedAt = now;
	}

	public void zone(ZoneId zone, Instant now) {
		this.timeZone = zone.getId();
		this.updatedAt = now;
	}

	public void toggleActive(Instant now) {
		this.active = !active;
		this.updatedAt = now;
	}

	public void delete(Instant now) {
		this.active = false;
		this.deletedAt = now;
		this.updatedAt = now;
	}

	public boolean isDeleted() {
		return deletedAt != null;
	}

	public Clinician toClinician(Account account) {
		return new Clinician(id, publicId, userId, account.fullName(), account.phone(), account.email(), primaryCentreId,
				List.copyOf(specializations), List.copyOf(qualifications), List.copyOf(languages), yearsOfExperience,
				feeMinor, currency, consultationMinutes, profilePictureUrl, bio, ZoneId.of(timeZone), active,
				deletedAt != null, createdAt,
				new ClinicianPractice(designation, registrationNumber,
						consultationModes == null || consultationModes.isEmpty() ? List.of()
								: List.of(consultationModes.split(",")),
						List.copyOf(expertise), volunteer),
				account.publicId(), updatedAt, new ClinicianListing(listed, address, rating.doubleValue(), ratingCount, clinicName), kycStatus);
	}

	public Long getId() { return id; }
	public Long getUserId() { return userId; }
	public @Nullable Long getPrimaryCentreId() { return primaryCentreId; }
	public boolean isActive() { return active; }
}
