package io.polyclinic.faces;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page as Django REST framework writes one (hcp): how many items there are, the links to the next and previous
 * pages (the request's own URL with another page number), and this page's items.
 */
public record DrfPage<T>(long count, @Nullable String next, @Nullable String previous, List<T> results) {

	public static <S, T> DrfPage<T> of(Page<S> page, PageQuery query, String pageParameter, Function<S, T> item) {
		long pages = (page.getTotalElements() + query.size() - 1) / query.size();
		String next = query.number() < pages ? link(pageParameter, query.number() + 1) : null;
		String previous = query.number() > 1 ? link(pageParameter, query.number() - 1) : null;
		return new DrfPage<>(page.getTotalElements(), next, previous, page.getContent().stream().map(item).toList());
	}

	private static String link(String pageParameter, int number) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(pageParameter, number).toUriString();
	}
}
