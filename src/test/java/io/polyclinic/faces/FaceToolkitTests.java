package io.polyclinic.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.faces.snaky.SnakyRecord;
import io.polyclinic.faces.strict.StrictRecord;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The toolkit every face shares, against a test face with snake_case JSON and DRF paging and against Mibo's
 * conventions.
 */
class FaceToolkitTests {

	static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(new FaceNaming())
		.addHandler(new UnknownFields()).build();
	static final Conventions SNAKY = Conventions.of(SnakyRecord.class);
	static final Conventions MIBO = conventionsOf("io.polyclinic.faces.mibo.MiboFace");

	@Test
	void recordsAreNamedAsTheirFaceDeclaresExplicitNamesWin() {
		String json = JSON.writeValueAsString(new SnakyRecord(7, "Asha Rao", 3));
		assertThat(json).isEqualTo("{\"patient_id\":7,\"full_name\":\"Asha Rao\",\"totalPages\":3}");
		assertThat(JSON.readValue("{\"patient_id\":8,\"full_name\":\"Ravi\",\"totalPages\":1}", SnakyRecord.class))
			.isEqualTo(new SnakyRecord(8, "Ravi", 1));
		// the toolkit's own records and every class of no face stay camelCase
		assertThat(JSON.writeValueAsString(new Pagination(1, 10, 25, 3)))
			.isEqualTo("{\"page\":1,\"limit\":10,\"total\":25,\"totalPages\":3}");
	}

	@Test
	void aFaceThatRefusesUnknownPropertiesNamesTheFieldOthersKeepTheDefault() {
		assertThat(JSON.readValue("{\"name\":\"Mibo\",\"addressLine1\":\"1 Main Road\"}", StrictRecord.class))
			.isEqualTo(new StrictRecord("Mibo", "1 Main Road", null));
		assertThatThrownBy(() -> JSON.readValue("{\"name\":\"Mibo\",\"pincode\":\"560001\"}", StrictRecord.class))
			.isInstanceOf(UnrecognizedPropertyException.class)
			.satisfies(e -> assertThat(((UnrecognizedPropertyException) e).getPropertyName()).isEqualTo("pincode"));
		// nested records of the face refuse too, and the path names where
		assertThatThrownBy(() -> JSON.readValue("{\"name\":\"Mibo\",\"lines\":[{\"text\":\"a\",\"bold\":true}]}",
				StrictRecord.class))
			.isInstanceOf(UnrecognizedPropertyException.class)
			.satisfies(e -> assertThat(((UnrecognizedPropertyException) e).getPath().get(0).getPropertyName())
				.isEqualTo("lines"));
		assertThat(Conventions.of(StrictRecord.class).unknownProperties())
			.isEqualTo(FaceConventions.UnknownProperties.REFUSE);
		// a face that declares nothing keeps the framework's rule (this mapper's: fail; the application's: ignore)
		assertThat(SNAKY.unknownProperties()).isEqualTo(FaceConventions.UnknownProperties.IGNORE);
		JsonMapper lenient = JSON.rebuild().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		assertThat(lenient.readValue("{\"patient_id\":8,\"full_name\":\"Ravi\",\"totalPages\":1,\"extra\":1}",
				SnakyRecord.class)).isEqualTo(new SnakyRecord(8, "Ravi", 1));
		assertThatThrownBy(() -> lenient.readValue("{\"name\":\"Mibo\",\"extra\":1}", StrictRecord.class))
			.isInstanceOf(UnrecognizedPropertyException.class);
		assertThat(MIBO.unknownProperties()).isEqualTo(FaceConventions.UnknownProperties.REFUSE);
	}

	@Test
	void anAppsInstantIsReadWithItsOffsetOrInTheZoneGivenWithoutOne() {
		var tunis = java.time.ZoneId.of("Africa/Tunis");
		assertThat(LocalFormats.instantOrLocal("at", "2030-01-15T10:00:00Z", tunis))
			.isEqualTo(java.time.Instant.parse("2030-01-15T10:00:00Z"));
		// Dart's local toIso8601String(): read in the zone (Tunis is UTC+1 in January)
		assertThat(LocalFormats.instantOrLocal("at", "2030-01-15T10:00:00.000", tunis))
			.isEqualTo(java.time.Instant.parse("2030-01-15T09:00:00Z"));
		assertThat(LocalFormats.instantOrLocal("at", "2030-01-15", java.time.ZoneOffset.UTC))
			.isEqualTo(java.time.Instant.parse("2030-01-15T00:00:00Z"));
		// an offset's + sent unencoded in a query arrives as a space
		assertThat(LocalFormats.instantOrLocal("at", "2030-01-15T10:00:00 05:30", tunis))
			.isEqualTo(java.time.Instant.parse("2030-01-15T04:30:00Z"));
		assertThatThrownBy(() -> LocalFormats.instantOrLocal("at", "yesterday", tunis))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("at"));
	}

	@Test
	void facesDeclareTheirPagingOnTheirPackage() {
		assertThat(SNAKY.sizeParameter()).isEqualTo("page_size");
		assertThat(SNAKY.naming()).isEqualTo(FaceConventions.Naming.SNAKE_CASE);
		assertThat(MIBO.sizeParameter()).isEqualTo("limit");
		assertThat(MIBO.defaultSize()).isEqualTo(50);
		assertThat(Conventions.of(String.class)).isEqualTo(Conventions.DEFAULT);
	}

	@Test
	void pagesDefaultAndCountFromTheFacesFirstPage() {
		assertThat(page(null, null)).isEqualTo(new PageQuery(1, 0, 20));
		PageQuery third = page("3", "10");
		assertThat(third).isEqualTo(new PageQuery(3, 2, 10));
		assertThat(third.offset()).isEqualTo(20);
		assertThat(third.pageable().getPageNumber()).isEqualTo(2);
		assertThat(page("1", "50").size()).isEqualTo(50);
	}

	@Test
	void pageParametersAreStrictAndBounded() {
		assertRefused(() -> page("0", null), "page", "Page must be 1 or more");
		for (String bad : new String[] { "-1", "+2", "02", "0x2", "1.5", "two", "99999999999" }) {
			assertRefused(() -> page(bad, null), "page", "Page must be 1 or more");
		}
		for (String bad : new String[] { "0", "51", "-5", "010", "1e2" }) {
			assertRefused(() -> page(null, bad), "page_size", "Page size must be between 1 and 50");
		}
		// an offset beyond what a database addresses is refused, not overflowed
		assertRefused(() -> page("2147483647", "50"), "page", "Page is beyond the last page");
		assertThat(PageQueryResolver.resolve("2", "100", MIBO, 50, 100).size()).isEqualTo(100);
		assertRefused(() -> PageQueryResolver.resolve("1", "101", MIBO, 50, 100), "limit",
				"Limit must be between 1 and 100");
	}

	@Test
	void cursorPagesTakeTheSizeAsStrictlyAsNumberedPagesAndReadTheirCursorOnDemand() {
		CursorQuery newest = CursorQueryResolver.resolve(null, null, SNAKY, 20, 50);
		assertThat(newest).isEqualTo(new CursorQuery(20, null, "before"));
		assertThat(newest.beforeId()).isNull();
		assertThat(newest.probe()).isEqualTo(21);
		CursorQuery older = CursorQueryResolver.resolve("10", "4711", SNAKY, 20, 50);
		assertThat(older.beforeId()).isEqualTo(Ref.id(4711));
		assertThat(CursorQueryResolver.resolve(null, "2024-03-15T10:00:00Z", MIBO, 50, 100).beforeInstant())
			.isEqualTo(java.time.Instant.parse("2024-03-15T10:00:00Z"));
		assertRefused(() -> CursorQueryResolver.resolve("51", null, SNAKY, 20, 50), "page_size",
				"Page size must be between 1 and 50");
		assertRefused(() -> CursorQueryResolver.resolve(null, " ", SNAKY, 20, 50), "before",
				"Must name an entry of the list");
		assertRefused(() -> CursorQueryResolver.resolve(null, "x".repeat(201), SNAKY, 20, 50), "before",
				"Must name an entry of the list");
		assertRefused(() -> CursorQueryResolver.resolve(null, "0x63", SNAKY, 20, 50).beforeId(), "before",
				"Must be an id");
		assertRefused(() -> CursorQueryResolver.resolve(null, "yesterday", MIBO, 50, 100).beforeInstant(), "before",
				"Must be an ISO-8601 instant, e.g. 2024-03-15T10:00:00Z");
	}

	@Test
	void orderingFollowsAWhitelistAndNamesNoEntityProperty() {
		Map<String, String> allowed = Map.of("created_at", "CREATED", "name", "NAME");
		var otherwise = new Ordering<>("CREATED", true);
		assertThat(Ordering.parse("ordering", null, allowed, otherwise)).isEqualTo(otherwise);
		assertThat(Ordering.parse("ordering", "-name", allowed, otherwise)).isEqualTo(new Ordering<>("NAME", true));
		assertThat(Ordering.parse("ordering", "created_at", allowed, otherwise))
			.isEqualTo(new Ordering<>("CREATED", false));
		assertRefused(() -> Ordering.parse("ordering", "password_hash", allowed, otherwise), "ordering",
				"Must be one of created_at, name, optionally preceded by -");
	}

	@Test
	void moneyMovesBetweenMinorAndMajorUnitsWithTheCurrencysDecimals() {
		assertThat(Money.major(150_050, "INR")).isEqualByComparingTo("1500.50");
		assertThat(Money.whole(150_050, "INR")).isEqualTo(1501);
		assertThat(Money.whole(150_049, "INR")).isEqualTo(1500);
		assertThat(Money.minorOfWhole(1500L, "INR")).isEqualTo(150_000);
		assertThat(Money.minorOfWhole(1500L, "JPY")).isEqualTo(1500);
		assertThat(Money.minor(new BigDecimal("49.99"), "USD", "amount")).isEqualTo(4999);
		assertRefused(() -> Money.minor(new BigDecimal("49.999"), "USD", "amount"), "amount",
				"Must be an amount in USD with at most 2 decimals");
	}

	@Test
	void idsParseStrictly() {
		assertThat(Ids.number("id", "99")).isEqualTo(99);
		var uuid = java.util.UUID.randomUUID();
		assertThat(Ids.ref("id", uuid.toString())).isEqualTo(Ref.of(uuid));
		for (String bad : new String[] { "0x63", "+99", "099", " 99", "99 ", "0", "-1", "", "9".repeat(19) }) {
			assertRefused(() -> Ids.ref("id", bad), "id", "Must be an id");
		}
		assertRefused(() -> Ids.number("id", uuid.toString()), "id", "Must be a numeric id");
		assertRefused(() -> Ids.uuid("id", "12"), "id", "Must be a UUID");
	}

	@Test
	void localFormatsAlwaysShowSecondsAndNameTheFieldTheyRefuse() {
		assertThat(LocalFormats.time(java.time.LocalTime.of(9, 0))).isEqualTo("09:00:00");
		assertThat(LocalFormats.time("appointmentTime", "09:30")).isEqualTo(java.time.LocalTime.of(9, 30));
		assertRefused(() -> LocalFormats.date("appointmentDate", "2024-13-01"), "appointmentDate",
				"Must be a date as YYYY-MM-DD");
		assertRefused(() -> LocalFormats.date("appointmentDate", " "), "appointmentDate",
				"Must be a date as YYYY-MM-DD");
		assertThat(LocalFormats.optionalDate("date", "")).isNull();
		assertRefused(() -> LocalFormats.optionalInstant("startTime", "tomorrow"), "startTime",
				"Must be an ISO-8601 instant, e.g. 2024-03-15T10:00:00Z");
	}

	private static Conventions conventionsOf(String className) {
		try {
			return Conventions.of(Class.forName(className));
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	private static PageQuery page(String page, String size) {
		return PageQueryResolver.resolve(page, size, SNAKY, SNAKY.defaultSize(), SNAKY.maxSize());
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
			String problem) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, e -> {
			assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
			assertThat(e.fields()).containsExactly(Map.entry(field, problem));
		});
	}
}
