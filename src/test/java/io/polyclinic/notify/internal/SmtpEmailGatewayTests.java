package io.polyclinic.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The email gateway against an in-process SMTP server (GreenMail): what arrives is what was sent, from the configured
 * sender, with a login when one is configured.
 */
class SmtpEmailGatewayTests {

	GreenMail smtp;

	@BeforeEach
	void start() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.setUser("clinic@mail.test", "clinic-user", "clinic-password");
		smtp.start();
	}

	@AfterEach
	void stop() {
		smtp.stop();
	}

	SmtpEmailGateway gateway(String username, String password) {
		return new SmtpEmailGateway(new NotifyProperties.Smtp("127.0.0.1", smtp.getSmtp().getPort(), username, password,
				"Polyclinic <no-reply@clinic.test>"));
	}

	static Message email(String subject, String body) {
		return new Message(Channel.EMAIL, "asha@patient.test", subject, body, MessageKind.PAYMENT_RECEIPT, 7L, 11L, false);
	}

	@Test
	void deliversAPlainTextUtf8MessageAndReturnsItsMessageId() throws Exception {
		String ref = gateway("clinic-user", "clinic-password")
			.send(email("Receipt for ₹1,500", "Thank you, Asha — payment of ₹1,500 received.").named("Asha Rao"));

		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("Receipt for ₹1,500");
		assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@clinic.test");
		assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Polyclinic");
		InternetAddress to = (InternetAddress) received.getAllRecipients()[0];
		assertThat(to.getAddress()).isEqualTo("asha@patient.test");
		assertThat(to.getPersonal()).isEqualTo("Asha Rao");
		assertThat(received.getContentType()).contains("text/plain").containsIgnoringCase("UTF-8");
		assertThat(((String) received.getContent()).strip()).isEqualTo("Thank you, Asha — payment of ₹1,500 received.");
		assertThat(ref).isNotBlank().isEqualTo(received.getMessageID());
	}

	@Test
	void aMessageWithoutSubjectGetsTheClinicsName() throws Exception {
		gateway("clinic-user", "clinic-password").send(email(null, "Hello"));

		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo(SmtpEmailGateway.DEFAULT_SUBJECT);
	}

	@Test
	void aRefusedLoginIsAFailure() {
		assertThatThrownBy(() -> gateway("clinic-user", "wrong-password").send(email("Hi", "Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageStartingWith("SMTP delivery failed");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void anUnreachableServerIsAFailure() throws Exception {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var gateway = new SmtpEmailGateway(
				new NotifyProperties.Smtp("127.0.0.1", closedPort, null, null, "no-reply@clinic.test"));

		assertThatThrownBy(() -> gateway.send(email("Hi", "Hello")))
			.isInstanceOf(ChannelGateway.DeliveryFailed.class)
			.hasMessageStartingWith("SMTP delivery failed");
	}

	@Test
	void aHostWithoutASenderRefusesToStart() {
		assertThatThrownBy(() -> new SmtpEmailGateway(new NotifyProperties.Smtp("smtp.clinic.test", 587, null, null, "")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("POLYCLINIC_SMTP_FROM");
	}
}
