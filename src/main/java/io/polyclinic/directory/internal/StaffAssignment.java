package io.polyclinic.directory.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which centre a member of staff works at. */
@Entity
@Table(name = "staff_members")
public class StaffAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private Long userId;
	private @Nullable Long centreId;
	private Instant createdAt;

	protected StaffAssignment() {
	}

	public StaffAssignment(long userId, @Nullable Long centreId, Instant now) {
		this.publicId = UUID.randomUUID();
		this.userId = userId;
		this.centreId = centreId;
		this.createdAt = now;
	}

	public void moveTo(@Nullable Long centreId) {
		this.centreId = centreId;
	}

	public Long getUserId() { return userId; }
	public @Nullable Long getCentreId() { return centreId; }
}
