package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.polyclinic.support.RawDownloads;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/** A document's download link lasts {@code POLYCLINIC_FILES_URL_TTL} (here one second), then it is refused. */
@TestPropertySource(properties = "polyclinic.files.url-ttl=1s")
class HcpDocumentLinkExpiryTests extends HcpApiTest {

	@Test
	void aLinkServesTheBytesUntilItExpiresAndIsRefusedAfterwards() throws InterruptedException {
		HcpPeople.Person patient = people.patient();
		long id = data(HcpChartFixtures.upload(port, API + "/emr/documents/", patient.token(),
				Map.of("document_type", "lab_report", "title", "Short-lived"), "r.pdf", TestImages.pdf()), 201)
			.path("id").asLong();

		JsonNode link = data(http.get(API + "/emr/documents/" + id + "/download/").token(patient.token()).send(), 200);
		Instant expiresAt = Instant.parse(link.path("expires_at").asString());
		assertThat(Duration.between(Instant.now(), expiresAt)).isLessThanOrEqualTo(Duration.ofSeconds(2));
		RawDownloads raw = new RawDownloads(port);
		String url = link.path("download_url").asString();
		HttpResponse<byte[]> fresh = raw.get(url);
		assertThat(fresh.statusCode()).isEqualTo(200);
		assertThat(fresh.body()).isEqualTo(TestImages.pdf());

		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1_100);

		HttpResponse<byte[]> expired = raw.get(url);
		assertThat(expired.statusCode()).isEqualTo(403);
		assertThat(RawDownloads.json(expired).toString()).contains("expired");
	}
}
