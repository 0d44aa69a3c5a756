package io.polyclinic.faces;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the face's default and largest page size for one list (a {@link PageQuery} parameter), where the
 * contract gives that list its own.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageSize {

	int defaultSize();

	int maxSize() default 100;
}
