package io.polyclinic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedQueryTests {

	@Test
	void escapesMustSpellUtf8() {
		assertThat(MalformedQuery.decodable("a=%E0%A4%85&b=%2B+c&c=d")).isTrue();
		assertThat(MalformedQuery.decodable("a=b&c")).isTrue();
		assertThat(MalformedQuery.decodable(null)).isTrue();

		assertThat(MalformedQuery.decodable("a=%E0%A4%A")).isFalse();
		assertThat(MalformedQuery.decodable("a=%E0%A4")).isFalse();
		assertThat(MalformedQuery.decodable("a=%C3%28")).isFalse();
		assertThat(MalformedQuery.decodable("%g0=1")).isFalse();
		assertThat(MalformedQuery.decodable("a=%")).isFalse();
		assertThat(MalformedQuery.decodable("a=%4")).isFalse();
		assertThat(MalformedQuery.decodable("a=%\u0663\u0663")).as("non-ASCII digits are no hex").isFalse();
	}
}
