package io.polyclinic.video.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.video.MeetingLink;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "meeting_links")
public class MeetingRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private Long appointmentId;
	private String provider;
	private String url;
	private @Nullable String externalEventId;
	private @Nullable String summary;
	private @Nullable Instant startsAt;
	private @Nullable Instant endsAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected MeetingRecord() {
	}

	public MeetingRecord(long appointmentId, String provider, String url, @Nullable String eventId,
			@Nullable String summary, @Nullable Instant startsAt, @Nullable Instant endsAt, Instant now) {
		this.publicId = UUID.randomUUID();
		this.appointmentId = appointmentId;
		this.provider = provider;
		this.url = url;
		this.externalEventId = eventId;
		this.summary = summary;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Staff replaced the link by hand (a meeting arranged elsewhere). */
	public void replaceUrl(String url, String provider, Instant now) {
		this.url = url;
		this.provider = provider;
		this.externalEventId = null;
		this.updatedAt = now;
	}

	/** The appointment's parties meet in its room from now on: its link is the room's. */
	public void moveToRoom(String url, String roomId, Instant now) {
		this.url = url;
		this.provider = "internal";
		this.externalEventId = roomId;
		this.updatedAt = now;
	}

	public MeetingLink toLink() {
		return new MeetingLink(id, appointmentId, url, provider, externalEventId, summary, startsAt, endsAt, createdAt);
	}

	public @Nullable String getExternalEventId() { return externalEventId; }
	public String getProvider() { return provider; }
	public long getAppointmentId() { return appointmentId; }
	public String getUrl() { return url; }
}
