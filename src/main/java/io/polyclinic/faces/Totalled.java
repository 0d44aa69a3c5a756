package io.polyclinic.faces;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** A page as NestJS services often answer one (DiabCare): the items and how many there are in all. */
public record Totalled<T>(List<T> data, long total) {

	public static <S, T> Totalled<T> of(Page<S> page, Function<S, T> item) {
		return new Totalled<>(page.getContent().stream().map(item).toList(), page.getTotalElements());
	}
}
