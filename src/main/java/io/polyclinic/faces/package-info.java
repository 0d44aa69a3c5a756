/**
 * The faces: one package per published API contract, mapping its JSON onto the modules and back, and nothing else.
 * This package is the toolkit every face shares — declared per face with {@link io.polyclinic.faces.FaceConventions}
 * on its package: JSON naming (camelCase or snake_case) on the one application mapper, page parameters resolved and
 * checked once ({@link io.polyclinic.faces.PageQuery} for numbered pages,
 * {@link io.polyclinic.faces.CursorQuery} for {@code limit}/{@code before} cursors), page bodies ({@link io.polyclinic.faces.Pagination},
 * {@link io.polyclinic.faces.DrfPage}, {@link io.polyclinic.faces.Totalled}), order whitelists
 * ({@link io.polyclinic.faces.Ordering}), strict ids ({@link io.polyclinic.faces.Ids}), money
 * ({@link io.polyclinic.faces.Money}) and local date/time formats ({@link io.polyclinic.faces.LocalFormats}).
 * Controllers still build their records by hand, so that a reader sees each contract's mapping in one place.
 *
 * <p>A face reaches the modules through their APIs only, and never identity's account keeping: people's accounts
 * change through directory, under its rules (ModularityTests holds the faces to this list).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "directory", "scheduling", "billing", "clinical",
		"video", "notify", "analytics", "messaging", "files", "audit", "assistant" })
package io.polyclinic.faces;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
