package io.polyclinic.faces;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page as the NestJS services of DiabCare answer a numbered one: the items, how many there are in all, the page
 * asked for, its size and how many pages the items fill.
 */
public record NumberedPage<T>(List<T> data, long total, int page, int limit, long totalPages) {

	public static <S, T> NumberedPage<T> of(Page<S> page, PageQuery query, Function<S, T> item) {
		return new NumberedPage<>(page.getContent().stream().map(item).toList(), page.getTotalElements(),
				query.number(), query.size(), (page.getTotalElements() + query.size() - 1) / query.size());
	}
}
