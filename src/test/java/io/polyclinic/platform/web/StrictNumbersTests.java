package io.polyclinic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "0x63", "+99", "099", " 99", "99 ", "-99", "9 9", "99.0", "1e2", "#63", "\u0669\u0669",
			"9223372036854775808", "99L" })
	void onlyPlainDecimalsInRangeAreNumbers(String written) {
		assertThatThrownBy(() -> StrictNumbers.toLong(written)).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> StrictNumbers.toInteger(written)).isInstanceOf(NumberFormatException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "7", "99", "2147483647" })
	void plainDecimalsAreRead(String written) {
		assertThat(StrictNumbers.toLong(written)).isEqualTo(Long.parseLong(written));
		assertThat(StrictNumbers.toInteger(written)).isEqualTo(Integer.parseInt(written));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2147483648", "9223372036854775807" })
	void aLongIsNotAlwaysAnInt(String written) {
		assertThat(StrictNumbers.toLong(written)).isEqualTo(Long.parseLong(written));
		assertThatThrownBy(() -> StrictNumbers.toInteger(written)).isInstanceOf(NumberFormatException.class);
	}

	@org.junit.jupiter.api.Test
	void anEmptyValueIsNoValue() {
		assertThat(StrictNumbers.toLong("")).isNull();
		assertThat(StrictNumbers.toInteger("")).isNull();
	}
}
