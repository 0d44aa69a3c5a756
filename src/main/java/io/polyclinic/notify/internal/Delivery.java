package io.polyclinic.notify.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.DeliveryStatus;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message's passage through a channel. A one-time code's body is never kept here.
 */
@Entity
@Table(name = "deliveries")
public class Delivery {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	@Enumerated(EnumType.STRING)
	private Channel channel;
	private String recipient;
	private @Nullable String subject;
	private String body;
	@Enumerated(EnumType.STRING)
	private MessageKind kind;
	@Enumerated(EnumType.STRING)
	private DeliveryStatus status;
	private String provider;
	private @Nullable String providerRef;
	private @Nullable String failureReason;
	private @Nullable Long patientId;
	private @Nullable Long appointmentId;
	private Instant createdAt;
	private @Nullable Instant sentAt;

	protected Delivery() {
	}

	public static Delivery of(Message message, String provider) {
		Delivery d = new Delivery();
		d.publicId = UUID.randomUUID();
		d.channel = message.channel();
		d.recipient = message.to();
		d.subject = message.subject();
		d.body = message.secret() ? "(one-time code withheld)" : truncate(message.body(), 4000);
		d.kind = message.kind();
		d.status = DeliveryStatus.PENDING;
		d.provider = provider;
		d.patientId = message.patientId();
		d.appointmentId = message.appointmentId();
		d.createdAt = Instant.now();
		return d;
	}

	public void sent(@Nullable String providerRef) {
		this.status = DeliveryStatus.SENT;
		this.providerRef = providerRef;
		this.sentAt = Instant.now();
	}

	public void failed(@Nullable String reason) {
		this.status = DeliveryStatus.FAILED;
		this.failureReason = reason == null ? null : truncate(reason, 500);
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	public Long getId() { return id; }
	public UUID getPublicId() { return publicId; }
	public Channel getChannel() { return channel; }
	public String getRecipient() { return recipient; }
	public @Nullable String getSubject() { return subject; }
	public String getBody() { return body; }
	public MessageKind getKind() { return kind; }
	public DeliveryStatus getStatus() { return status; }
	public String getProvider() { return provider; }
	public @Nullable String getProviderRef() { return providerRef; }
	public @Nullable String getFailureReason() { return failureReason; }
	public @Nullable Long getPatientId() { return patientId; }
	public @Nullable Long getAppointmentId() { return appointmentId; }
	public Instant getCreatedAt() { return createdAt; }
	public @Nullable Instant getSentAt() { return sentAt; }
}
