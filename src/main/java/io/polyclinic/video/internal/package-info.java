/**
 * Video's workings: the meeting providers (internal rooms, Google Meet), the stored links and their search.
 */
@NullMarked
package io.polyclinic.video.internal;

import org.jspecify.annotations.NullMarked;
