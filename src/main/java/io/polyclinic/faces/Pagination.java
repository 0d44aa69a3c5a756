package io.polyclinic.faces;

import org.springframework.data.domain.Page;

/**
 * The {@code pagination} object of lists that carry one (sos): the page asked for, its size, how many items there are
 * and how many pages they fill.
 */
public record Pagination(int page, int limit, long total, long totalPages) {

	public static Pagination of(Page<?> page, PageQuery query) {
		return new Pagination(query.number(), query.size(), page.getTotalElements(),
				(page.getTotalElements() + query.size() - 1) / query.size());
	}
}
