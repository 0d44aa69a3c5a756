package io.polyclinic.notify.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Email through an SMTP server (Spring Mail). A plain-text UTF-8 message; its {@code Message-ID} is the provider
 * reference.
 */
class SmtpEmailGateway implements ChannelGateway {

	static final String DEFAULT_SUBJECT = "Polyclinic";

	private final JavaMailSender mail;
	private final String from;

	SmtpEmailGateway(NotifyProperties.Smtp settings) {
		this(sender(settings), NotifyProperties.require(settings.from(), "POLYCLINIC_SMTP_FROM", "SMTP"));
	}

	SmtpEmailGateway(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	static JavaMailSenderImpl sender(NotifyProperties.Smtp settings) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(NotifyProperties.require(settings.host(), "POLYCLINIC_SMTP_HOST", "SMTP"));
		sender.setPort(settings.port());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties properties = sender.getJavaMailProperties();
		boolean authenticated = settings.username() != null && !settings.username().isBlank();
		if (authenticated) {
			sender.setUsername(settings.username().trim());
			sender.setPassword(settings.password());
			properties.put("mail.smtp.auth", "true");
		}
		if (settings.port() == 465) {
			sender.setProtocol("smtps");
		}
		else {
			properties.put("mail.smtp.starttls.enable", "true");
		}
		// Bounded waits: a one-time code is sent while its requester waits for the answer.
		for (String protocol : new String[] { "smtp", "smtps" }) {
			properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(ProviderHttp.CONNECT_TIMEOUT.toMillis()));
			properties.put("mail." + protocol + ".timeout", String.valueOf(ProviderHttp.READ_TIMEOUT.toMillis()));
			properties.put("mail." + protocol + ".writetimeout", String.valueOf(ProviderHttp.READ_TIMEOUT.toMillis()));
		}
		return sender;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public String provider() {
		return "smtp";
	}

	@Override
	public @Nullable String send(Message message) throws DeliveryFailed {
		try {
			MimeMessage mime = build(message);
			mail.send(mime);
			return mime.getMessageID();
		}
		catch (MessagingException | MailException e) {
			throw new DeliveryFailed("SMTP delivery failed: " + e.getMessage(), e);
		}
	}

	MimeMessage build(Message message) throws MessagingException {
		MimeMessage mime = mail.createMimeMessage();
		var helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(recipient(message));
		helper.setSubject(message.subject() == null || message.subject().isBlank() ? DEFAULT_SUBJECT : message.subject());
		helper.setText(message.body(), false);
		return mime;
	}

	private static InternetAddress recipient(Message message) throws MessagingException {
		String name = message.recipientName();
		if (name == null || name.isBlank()) {
			return new InternetAddress(message.to(), true);
		}
		try {
			return new InternetAddress(message.to(), name.trim(), StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException e) {
			throw new MessagingException("UTF-8 is not supported", e);
		}
	}
}
