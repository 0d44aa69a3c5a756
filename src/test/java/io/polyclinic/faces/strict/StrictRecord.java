package io.polyclinic.faces.strict;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A request record of the refusing test face; {@code address} also reads as {@code addressLine1}. */
public record StrictRecord(String name, @Nullable @JsonAlias("addressLine1") String address,
		@Nullable List<Line> lines) {

	public record Line(String text) {
	}
}
