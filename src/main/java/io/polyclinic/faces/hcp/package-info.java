/**
 * The Healthcare Platform face: contracts/hcp.md and the original Django backend's paths its Next.js app calls, at
 * {@code /hcp/api/.../} (with or without the trailing slash): snake_case JSON, integer ids, every success wrapped as
 * {@code {"data","message","status":"success"}}, a list's {@code data} a DRF page {@code {count,next,previous,results}}
 * by {@code page} and {@code page_size} (20 unless asked, at most 100), and errors
 * {@code {"error","details":{"field":["message"]},"status":"error"}}.
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.SNAKE_CASE, pageParameter = "page", sizeParameter = "page_size",
		defaultSize = 20, maxSize = 100)
package io.polyclinic.faces.hcp;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
