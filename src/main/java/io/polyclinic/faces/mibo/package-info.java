/**
 * The Mibo face: contracts/mibo.md (mental-health clinic booking) at {@code /mibo/api/...}: camelCase JSON, lists
 * paged by {@code page} (from 1) and {@code limit} (50 unless asked, at most 100).
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.CAMEL_CASE, pageParameter = "page", sizeParameter = "limit",
		defaultSize = 50, maxSize = 100)
package io.polyclinic.faces.mibo;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
