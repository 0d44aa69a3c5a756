package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.GlucoseEntries;
import io.polyclinic.clinical.internal.GlucoseEntry;
import io.polyclinic.clinical.internal.GlucoseRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/**
 * Blood glucose readings: the diary a patient keeps of their own glucose (DiabCare). A patient logs, lists, reads,
 * changes and deletes their own readings, and no one else's: another patient's reading is not found to them. A
 * clinician reads the readings of a patient they follow, and writes none. Logging a reading publishes
 * {@link GlucoseReadingLogged}, which tells the patient's doctors of a critical one. Writes, a clinician's reads and
 * every refusal are audited; a patient reading their own diary is not.
 */
@Service
@Transactional(readOnly = true)
public class GlucoseReadings {

	/** Values are kept to four decimals; more are rounded half up. */
	public static final int SCALE = 4;
	/** No blood glucose reading is higher: a reading above it is a mistake. */
	public static final BigDecimal MAXIMUM_MG_PER_DL = BigDecimal.valueOf(3000);
	public static final int NOTE_LENGTH = 2000;
	/** The most readings a date range answers, the newest. */
	public static final int MAXIMUM_IN_RANGE = 1000;

	private static final String RESOURCE = GlucoseDiaries.RESOURCE;
	/** Below it a value rounds to zero at {@link #SCALE} decimals. */
	private static final BigDecimal HALF_OF_LAST_PLACE = new BigDecimal("0.00005");

	private final GlucoseEntries entries;
	private final GlucoseRows rows;
	private final GlucoseDiaries diaries;
	private final AuditLog audit;
	private final Clock clock;

	GlucoseReadings(GlucoseEntries entries, GlucoseRows rows, GlucoseDiaries diaries, AuditLog audit, Clock clock) {
		this.entries = entries;
		this.rows = rows;
		this.diaries = diaries;
		this.audit = audit;
		this.clock = clock;
	}

	/** Logs a reading in the caller's own diary: patients only. */
	@Transactional
	public GlucoseReading log(NewGlucoseReading reading, Actor actor) {
		GlucoseDiaries.Diary diary = diaries.own(actor, "CREATE", null);
		GlucoseUnit unit = reading.unit() == null ? GlucoseUnit.MG_DL : reading.unit();
		BigDecimal value = value(reading.value(), unit);
		if (reading.measuredAt() == null) {
			throw Refusal.invalidField("measuredAt", "measuredAt should not be empty");
		}
		var entry = new GlucoseEntry(diary.patientId(), value, unit, reading.measuredAt(), reading.period(),
				note(reading.note()), clock.instant());
		GlucoseReading logged = entries.save(entry).toReading(diary.patientAccountId());
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, logged.id(), logged.patientId()));
		return logged;
	}

	/** The caller's own readings, newest measured first, paged in SQL with their total. */
	public Page<GlucoseReading> mine(Pageable page, Actor actor) {
		return page(diaries.own(actor, "LIST", null), page);
	}

	/**
	 * The caller's own readings measured from {@code start} to {@code end}, both included, newest first: at most
	 * {@value #MAXIMUM_IN_RANGE}, the newest. A range that ends before it starts holds none.
	 */
	public List<GlucoseReading> between(Instant start, Instant end, Actor actor) {
		GlucoseDiaries.Diary diary = diaries.own(actor, "LIST", null);
		return rows.between(diary.patientId(), diary.patientAccountId(), start, end, MAXIMUM_IN_RANGE);
	}

	/** One of the caller's own readings. */
	public GlucoseReading get(Ref reading, Actor actor) {
		GlucoseDiaries.Diary diary = diaries.own(actor, "READ", reading.toString());
		return own(reading, diary, actor, "READ").toReading(diary.patientAccountId());
	}

	/** Changes one of the caller's own readings: what the changes name, and nothing else. */
	@Transactional
	public GlucoseReading change(Ref reading, GlucoseReadingChanges changes, Actor actor) {
		GlucoseDiaries.Diary diary = diaries.own(actor, "UPDATE", reading.toString());
		GlucoseEntry entry = own(reading, diary, actor, "UPDATE");
		if (changes.value() != null || changes.unit() != null) {
			GlucoseUnit unit = changes.unit() == null ? entry.getUnit() : changes.unit();
			entry.measure(value(changes.value() == null ? entry.getValue() : changes.value(), unit), unit);
		}
		if (changes.measuredAt() != null) {
			entry.measuredAt(changes.measuredAt());
		}
		if (changes.period() != null) {
			entry.period(changes.period().value());
		}
		if (changes.note() != null) {
			entry.note(note(changes.note().value()));
		}
		entry.touched(clock.instant());
		GlucoseReading changed = entries.saveAndFlush(entry).toReading(diary.patientAccountId());
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, changed.id(), changed.patientId()));
		return changed;
	}

	/** Deletes one of the caller's own readings, for good; the trail keeps that it was. */
	@Transactional
	public void delete(Ref reading, Actor actor) {
		GlucoseDiaries.Diary diary = diaries.own(actor, "DELETE", reading.toString());
		GlucoseEntry entry = own(reading, diary, actor, "DELETE");
		entries.delete(entry);
		audit.record(AuditRecord.success(actor, "DELETE", RESOURCE, entry.getId(), entry.getPatientId()));
	}

	/**
	 * A patient's readings, newest measured first, by the public id of the patient's account: for a clinician who
	 * follows the patient. The read is audited.
	 */
	@Transactional // the read is audited: even it writes
	public Page<GlucoseReading> ofPatient(UUID patientAccountId, Pageable page, Actor actor) {
		return followed(diaries.followed(patientAccountId, actor, "LIST"), page, actor);
	}

	/** As {@link #ofPatient(UUID, Pageable, Actor)}, by the patient's record. */
	@Transactional // the read is audited: even it writes
	public Page<GlucoseReading> ofPatient(long patientId, Pageable page, Actor actor) {
		return followed(diaries.followed(patientId, actor, "LIST"), page, actor);
	}

	private Page<GlucoseReading> followed(GlucoseDiaries.Diary diary, Pageable page, Actor actor) {
		Page<GlucoseReading> found = page(diary, page);
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, diary.patientId(), AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	private Page<GlucoseReading> page(GlucoseDiaries.Diary diary, Pageable page) {
		GlucoseRows.Page found = rows.page(diary.patientId(), diary.patientAccountId(), page.getOffset(),
				page.getPageSize());
		long total = found.readings().isEmpty() && page.getOffset() > 0 ? rows.count(diary.patientId())
				: found.total();
		return new PageImpl<>(found.readings(), page, total);
	}

	/**
	 * The caller's own reading. Someone else's is not found, as a reading that does not exist is; the attempt is
	 * audited.
	 */
	private GlucoseEntry own(Ref reading, GlucoseDiaries.Diary diary, Actor actor, String action) {
		GlucoseEntry entry = (reading.numeric() ? entries.findById(Objects.requireNonNull(reading.id()))
				: entries.findByPublicId(Objects.requireNonNull(reading.publicId())))
			.orElseThrow(() -> Refusal.notFound("Glucose reading"));
		if (entry.getPatientId() != diary.patientId()) {
			audit.recordDenied(AuditRecord.denied(actor, action, RESOURCE, entry.getId(), entry.getPatientId()));
			throw Refusal.notFound("Glucose reading");
		}
		return entry;
	}

	private static BigDecimal value(@Nullable BigDecimal value, GlucoseUnit unit) {
		if (value == null) {
			throw Refusal.invalidField("value", "Value is required");
		}
		if (value.signum() < 0) {
			throw Refusal.invalidField("value", "Value must not be less than 0");
		}
		// compared before rounding: rounding 1e999999 or 1e-999999 would build all of their digits
		if (value.compareTo(HALF_OF_LAST_PLACE) < 0) {
			return BigDecimal.ZERO.setScale(SCALE);
		}
		if (unit.toMgPerDl(value).compareTo(MAXIMUM_MG_PER_DL) > 0
				|| unit.toMgPerDl(value.setScale(SCALE, RoundingMode.HALF_UP)).compareTo(MAXIMUM_MG_PER_DL) > 0) {
			throw Refusal.invalidField("value", "Value must not be greater than " + MAXIMUM_MG_PER_DL + " mg/dL");
		}
		return value.setScale(SCALE, RoundingMode.HALF_UP);
	}

	private static @Nullable String note(@Nullable String note) {
		if (note != null && note.length() > NOTE_LENGTH) {
			throw Refusal.invalidField("note", "Note must be at most " + NOTE_LENGTH + " characters");
		}
		return note;
	}
}
