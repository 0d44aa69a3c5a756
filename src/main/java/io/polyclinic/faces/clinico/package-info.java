/**
 * The Clinico face: contracts/clinico.md and the original Express backend's paths its client calls, at
 * {@code /clinico/api/...} and {@code /clinico/v1/agent/orchestrate}: snake_case JSON, bare objects and arrays as the
 * document shows them, integer ids where it shows integers and UUID strings where it shows "uuid-string", and errors
 * {@code {"error": <UPPER_SNAKE_CODE>, "message": <text>}}. It has no sign-in of its own: any face's access token
 * is valid here.
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.SNAKE_CASE, pageParameter = "page", sizeParameter = "limit",
		defaultSize = 20, maxSize = 100)
package io.polyclinic.faces.clinico;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
