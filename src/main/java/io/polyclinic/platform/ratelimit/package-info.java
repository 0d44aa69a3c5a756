/**
 * Each face's rate-limit table, applied per caller with token buckets.
 */
@NullMarked
package io.polyclinic.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
