/**
 * A face of the tests only, with snake_case JSON and DRF-style paging, to prove the toolkit follows a face's
 * conventions.
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.SNAKE_CASE, pageParameter = "page", sizeParameter = "page_size",
		defaultSize = 20, maxSize = 50)
package io.polyclinic.faces.snaky;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
