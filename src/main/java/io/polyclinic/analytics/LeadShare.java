package io.polyclinic.analytics;

import io.polyclinic.directory.LeadSource;

/**
 * How many patients came from one source, and their share in whole percent (the shares of all sources add up to
 * 100).
 */
public record LeadShare(LeadSource source, long count, int percentage) {
}
