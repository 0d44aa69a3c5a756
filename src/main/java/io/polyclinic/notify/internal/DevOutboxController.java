package io.polyclinic.notify.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.PublicEndpoint;

/**
 * {@code GET /dev/outbox?to=ADDRESS}: what the channels would have sent to that address, newest first. Demo mode
 * only; outside it this endpoint does not exist.
 */
@RestController
@PublicEndpoint
@ConditionalOnProperty(name = "polyclinic.demo", havingValue = "true", matchIfMissing = true)
class DevOutboxController {

	private final DevOutbox outbox;
	private final PolyclinicProperties properties;

	DevOutboxController(DevOutbox outbox, PolyclinicProperties properties) {
		this.outbox = outbox;
		this.properties = properties;
	}

	@GetMapping("/dev/outbox")
	List<DevOutbox.OutboxMessage> outbox(@RequestParam("to") String to) {
		String phone = PhoneNumbers.normalize(to, properties.defaultCountryCode());
		String address = to.contains("@") || phone == null ? to.trim() : phone;
		return outbox.to(address, 100);
	}
}
