/**
 * The faces: one package per published API contract, mapping its JSON onto the modules and back. Nothing else.
 */
@NullMarked
package io.polyclinic.faces;

import org.jspecify.annotations.NullMarked;
