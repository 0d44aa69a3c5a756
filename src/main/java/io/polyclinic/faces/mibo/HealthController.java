package io.polyclinic.faces.mibo;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.platform.DatabaseCheck;
import io.polyclinic.platform.PublicEndpoint;

@RestController
@PublicEndpoint
class HealthController {

	private final DatabaseCheck database;
	private final Clock clock;

	HealthController(DatabaseCheck database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@GetMapping("/api/health")
	ResponseEntity<Reply<Map<String, Object>>> health() {
		boolean up = database.connected();
		Map<String, Object> data = Map.of("status", up ? "healthy" : "unhealthy", "timestamp",
				Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
				"database", up ? "connected" : "disconnected");
		return ResponseEntity.status(up ? 200 : 503).body(new Reply<>(up, null, data));
	}
}
