/**
 * The Mibo face: contracts/mibo.md (mental-health clinic booking) at {@code /mibo/api/...}: camelCase JSON, lists
 * paged by {@code page} (from 1) and {@code limit} (50 unless asked, at most 100). Request records refuse a JSON
 * property they do not declare (400 VALIDATION_ERROR naming it): the apps' other spellings are mapped by alias.
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.CAMEL_CASE, pageParameter = "page", sizeParameter = "limit",
		defaultSize = 50, maxSize = 100, unknownProperties = FaceConventions.UnknownProperties.REFUSE)
package io.polyclinic.faces.mibo;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
