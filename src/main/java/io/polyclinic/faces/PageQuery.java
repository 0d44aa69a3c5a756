package io.polyclinic.faces;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The page a list request asks for, read from the face's own query parameters (see {@link FaceConventions}),
 * checked once: a page number from the face's first page, a size from 1 to the face's largest. A handler takes it as
 * a parameter; the module orders the list itself.
 *
 * @param number the face's own page number (1 for the first page on every face so far)
 * @param index the page's index from 0
 */
public record PageQuery(int number, int index, int size) {

	public Pageable pageable() {
		return PageRequest.of(index, size);
	}

	public Pageable pageable(Sort sort) {
		return PageRequest.of(index, size, sort);
	}

	public long offset() {
		return (long) index * size;
	}
}
