/**
 * Live updates to connected clients: a module says which user should hear of what, after its transaction commits;
 * each face's socket listens for its users and renders the update in its own frames.
 */
@NullMarked
package io.polyclinic.platform.realtime;

import org.jspecify.annotations.NullMarked;
