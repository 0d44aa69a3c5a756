package io.polyclinic.directory.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Centre;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "centres")
public class CentreProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private String name;
	private String city;
	// the city as searches compare it: case-insensitive, indexed
	private String cityKey;
	private @Nullable String address;
	private @Nullable String pincode;
	private @Nullable String phone;
	private @Nullable String email;
	private String timeZone;
	private boolean active;
	private @Nullable Instant deletedAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected CentreProfile() {
	}

	public CentreProfile(String name, String city, ZoneId zone, Instant now) {
		this.publicId = UUID.randomUUID();
		this.active = true;
		this.createdAt = now;
		rename(name, now);
		moveTo(city, now);
		this.timeZone = zone.getId();
	}

	public static String cityKey(String city) {
		return city.trim().toLowerCase(Locale.ROOT);
	}

	public void rename(String name, Instant now) {
		this.name = name.trim();
		this.updatedAt = now;
	}

	public void moveTo(String city, Instant now) {
		this.city = city.trim();
		this.cityKey = cityKey(city);
		this.updatedAt = now;
	}

	public void describe(@Nullable String address, @Nullable String phone, @Nullable String email, Instant now) {
		if (address != null) {
			this.address = address;
		}
		if (phone != null) {
			this.phone = phone;
		}
		if (email != null) {
			this.email = email;
		}
		this.updatedAt = now;
	}

	/** Blank clears the postal code; null leaves it. */
	public void postTo(@Nullable String pincode, Instant now) {
		if (pincode != null) {
			this.pincode = pincode.isBlank() ? null : pincode.trim();
			this.updatedAt = now;
		}
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

	public Centre toCentre() {
		return new Centre(id, publicId, name, city, address, phone, email, ZoneId.of(timeZone), active, createdAt,
				pincode);
	}

	public Long getId() { return id; }
}
