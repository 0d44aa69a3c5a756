package io.polyclinic.faces.diabcare;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.PharmacistRegistry;
import io.polyclinic.faces.NumberedPage;
import io.polyclinic.faces.PageQuery;

/** The pharmacies a patient may turn to: {@code GET /api/pharmaciens}, newest first, paged. */
@RestController
@RequestMapping("/api/pharmaciens")
class DiabcarePharmacienController {

	private final PharmacistRegistry pharmacists;
	private final DiabcareUsers users;

	DiabcarePharmacienController(PharmacistRegistry pharmacists, DiabcareUsers users) {
		this.pharmacists = pharmacists;
		this.users = users;
	}

	@GetMapping
	NumberedPage<Map<String, Object>> list(PageQuery page) {
		return NumberedPage.of(pharmacists.list(page.pageable()), page, users::pharmacien);
	}
}
