package io.polyclinic.faces;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A face's conventions, declared once on its package ({@code package-info.java}): how its JSON names properties and
 * how its lists are paged. Every controller and record of the face follows them through the toolkit, so no handler
 * repeats them.
 */
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FaceConventions {

	/** How the face's records name their JSON properties; an explicit {@code @JsonProperty} always wins. */
	Naming naming() default Naming.CAMEL_CASE;

	/** The query parameter that numbers the page. */
	String pageParameter() default "page";

	/** The query parameter that sizes the page ({@code limit}, {@code page_size}). */
	String sizeParameter() default "limit";

	/**
	 * The query parameter of a cursor page ({@link CursorQuery}): the newest entry the caller already holds, so that
	 * the page holds those before it — as chat histories page, where new entries would shift a numbered page.
	 */
	String cursorParameter() default "before";

	/** The number of the first page: 1 for every contract seen so far. */
	int firstPage() default 1;

	/** The page size when the request gives none. */
	int defaultSize() default 10;

	/** The largest page a request may ask for; every list caps its page size. */
	int maxSize() default 100;

	/**
	 * What the face's request records do with a JSON property they do not declare: {@link UnknownProperties#IGNORE}
	 * (the framework's default) or {@link UnknownProperties#REFUSE}, a 400 naming the field, so that nothing a client
	 * sends is silently dropped.
	 */
	UnknownProperties unknownProperties() default UnknownProperties.IGNORE;

	enum Naming {
		CAMEL_CASE, SNAKE_CASE
	}

	enum UnknownProperties {
		IGNORE, REFUSE
	}
}
