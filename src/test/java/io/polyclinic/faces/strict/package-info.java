/**
 * A face of the tests only that refuses unknown request properties, to prove the toolkit's switch.
 */
@NullMarked
@FaceConventions(unknownProperties = FaceConventions.UnknownProperties.REFUSE)
package io.polyclinic.faces.strict;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
