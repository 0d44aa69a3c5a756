/**
 * The SOS Tourist Doctor face: contracts/sos.md at {@code /sos/api/v1/...}: UUID ids, snake_case JSON (camelCase where
 * the document shows it), bare objects, lists with {@code pagination{page,limit,total,totalPages}} paged by
 * {@code page} (from 1) and {@code limit} (10 unless asked, at most 100), errors {@code {"error","details","status"}}.
 * Request records refuse a JSON property they do not declare.
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.SNAKE_CASE, pageParameter = "page", sizeParameter = "limit",
		defaultSize = 10, maxSize = 100, unknownProperties = FaceConventions.UnknownProperties.REFUSE)
package io.polyclinic.faces.sos;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
