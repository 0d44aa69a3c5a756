package io.polyclinic.faces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.faces.snaky.SnakyRecord;
import io.polyclinic.support.ApiTest;
import tools.jackson.databind.json.JsonMapper;

/** The application's one JSON mapper names each face's records as the face declares. */
class FaceToolkitWiringTests extends ApiTest {

	@Autowired
	JsonMapper json;

	@Test
	void theApplicationMapperFollowsEachFacesNaming() {
		assertThat(json.writeValueAsString(new SnakyRecord(1, "Ann", 2)))
			.isEqualTo("{\"patient_id\":1,\"full_name\":\"Ann\",\"totalPages\":2}");
		assertThat(json.writeValueAsString(new Pagination(2, 10, 11, 2)))
			.isEqualTo("{\"page\":2,\"limit\":10,\"total\":11,\"totalPages\":2}");
	}
}
