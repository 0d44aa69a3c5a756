package io.polyclinic.faces;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.polyclinic.platform.Refusal;

/**
 * Resolves a handler's {@link CursorQuery} from the face's size and cursor parameters: the size as strictly and within
 * the same bounds as a numbered page ({@link PageQueryResolver}), the cursor present or absent but never blank.
 */
class CursorQueryResolver implements HandlerMethodArgumentResolver {

	/** Longer than any id, instant or opaque token a contract uses: anything longer is no cursor. */
	static final int LONGEST_CURSOR = 200;

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CursorQuery.class;
	}

	@Override
	public CursorQuery resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		Conventions conventions = Conventions.of(parameter.getContainingClass());
		var bounds = PageQueryResolver.SizeBounds.of(parameter, conventions);
		return resolve(request.getParameter(conventions.sizeParameter()),
				request.getParameter(conventions.cursorParameter()), conventions, bounds.defaultSize(),
				bounds.maxSize());
	}

	static CursorQuery resolve(@Nullable String sizeValue, @Nullable String cursorValue, Conventions conventions,
			int defaultSize, int maxSize) {
		// the size is read exactly as a numbered page's; the first page stands in for the absent page number
		int size = PageQueryResolver.resolve(null, sizeValue, conventions, defaultSize, maxSize).size();
		String cursor = conventions.cursorParameter();
		if (cursorValue == null) {
			return new CursorQuery(size, null, cursor);
		}
		if (cursorValue.isBlank() || cursorValue.length() > LONGEST_CURSOR) {
			throw Refusal.invalidField(cursor, "Must name an entry of the list");
		}
		return new CursorQuery(size, cursorValue, cursor);
	}
}
