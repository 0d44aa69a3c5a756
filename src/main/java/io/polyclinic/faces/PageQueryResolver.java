package io.polyclinic.faces;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.polyclinic.platform.Refusal;

/**
 * Resolves a handler's {@link PageQuery} from the face's page parameters: strict decimal numbers (no sign, no
 * leading zeros, no hex), a page of at least the first, a size within the face's bounds, and an offset the database
 * can address — anything else is refused naming the parameter.
 */
class PageQueryResolver implements HandlerMethodArgumentResolver {

	/** Databases address rows with an int offset: a page beyond it is refused, not overflowed. */
	private static final long LARGEST_OFFSET = Integer.MAX_VALUE;

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageQuery.class;
	}

	@Override
	public PageQuery resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		Conventions conventions = Conventions.of(parameter.getContainingClass());
		SizeBounds bounds = SizeBounds.of(parameter, conventions);
		return resolve(request.getParameter(conventions.pageParameter()),
				request.getParameter(conventions.sizeParameter()), conventions, bounds.defaultSize(), bounds.maxSize());
	}

	/** The page sizes a handler takes: its own {@link PageSize}, else its face's. */
	record SizeBounds(int defaultSize, int maxSize) {

		static SizeBounds of(MethodParameter parameter, Conventions conventions) {
			PageSize override = parameter.getParameterAnnotation(PageSize.class);
			return override != null ? new SizeBounds(override.defaultSize(), override.maxSize())
					: new SizeBounds(conventions.defaultSize(), conventions.maxSize());
		}
	}

	static PageQuery resolve(@Nullable String pageValue, @Nullable String sizeValue, Conventions conventions,
			int defaultSize, int maxSize) {
		String pageName = conventions.pageParameter();
		String sizeName = conventions.sizeParameter();
		int first = conventions.firstPage();
		long page = number(pageValue, first, pageName, pageName(pageName) + " must be " + first + " or more");
		if (page < first || page > Integer.MAX_VALUE) {
			throw Refusal.invalidField(pageName, pageName(pageName) + " must be " + first + " or more");
		}
		String sizeProblem = pageName(sizeName) + " must be between 1 and " + maxSize;
		long size = number(sizeValue, defaultSize, sizeName, sizeProblem);
		if (size < 1 || size > maxSize) {
			throw Refusal.invalidField(sizeName, sizeProblem);
		}
		int index = (int) (page - first);
		if ((long) index * size > LARGEST_OFFSET) {
			throw Refusal.invalidField(pageName, pageName(pageName) + " is beyond the last page");
		}
		return new PageQuery((int) page, index, (int) size);
	}

	private static long number(@Nullable String value, long absent, String name, String problem) {
		if (value == null || value.isEmpty()) {
			return absent;
		}
		if (!value.matches("0|[1-9][0-9]{0,9}")) {
			throw Refusal.invalidField(name, problem);
		}
		return Long.parseLong(value);
	}

	/** {@code page_size} → "Page size", {@code limit} → "Limit": as a sentence starts. */
	private static String pageName(String parameter) {
		String words = parameter.replace('_', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}
}
