package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"+91 98765 43210     | 91 | +919876543210",
			"98765 43210         | 91 | +919876543210",
			"098765-43210        | 91 | +919876543210",
			"(0) 98765 43210     | 91 | +919876543210",
			"919876543210        | 91 | +919876543210",
			"0091 98765 43210    | 91 | +919876543210",
			"+15550000001        | 91 | +15550000001",
			"+1 (555) 000-0001   | 91 | +15550000001",
			"555-000-0001        | 1  | +15550000001",
			"+44 20 7946 0958    | 91 | +442079460958",
			"+91 22 1234 5678    | 91 | +912212345678",
			"+919812345678       | 91 | +919812345678" })
	void numbersAreStoredInE164(String typed, String defaultCountryCode, String stored) {
		assertThat(PhoneNumbers.normalize(typed, defaultCountryCode)).isEqualTo(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "12345", "+91 98765", "+91 98765 43210 99999", "+999 1234 5678",
			"call me", "1-800-FLOWERS", "+91 98765 43210 ext 5", "98765+43210", "++919876543210" })
	void whatIsNoPossibleNumberIsNull(String typed) {
		assertThat(PhoneNumbers.normalize(typed, "91")).isNull();
	}

	@Test
	void nothingIsNull() {
		assertThat(PhoneNumbers.normalize(null, "91")).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"+91 98765 43210  | 9876543210",
			"9876543210       | 9876543210",
			"098765 43210     | 9876543210",
			"43210            | 43210",
			"+1 555 000 0001  | 5550000001",
			"+86 138 0013 8000 | 13800138000" })
	void searchesMatchTheNationalNumber(String typed, String digits) {
		assertThat(PhoneNumbers.searchDigits(typed)).isEqualTo(digits);
	}
}
