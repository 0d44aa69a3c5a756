package io.polyclinic.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.ClinicianSearch;

/**
 * The clinicians a search finds, as ids, filtered, ordered and paged in one SQL statement (the total in a second):
 * names come from identity's table, specializations and languages from their own, each matched in an indexed
 * sub-query.
 */
@Component
public class ClinicianFinder {

	private final JdbcClient jdbc;

	ClinicianFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Long> find(ClinicianSearch search, boolean listedOnly, Pageable page) {
		List<Object> params = new ArrayList<>();
		String where = where(search, listedOnly, params);
		String column = switch (search.order()) {
			case RATING -> "c.rating";
			case RATING_COUNT -> "c.rating_count";
			case CREATED_AT -> "c.created_at";
			case FEE -> "c.fee_minor";
			// unknown experience sorts as none, the same on every database
			case EXPERIENCE -> "COALESCE(c.years_of_experience, 0)";
			case NAME -> "LOWER(u.full_name)";
		};
		String direction = search.descending() ? "DESC" : "ASC";
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.getPageSize());
		pageParams.add(page.getOffset());
		List<Long> ids = jdbc.sql("SELECT c.id FROM clinicians c JOIN users u ON u.id = c.user_id WHERE " + where
				+ " ORDER BY " + column + " " + direction + ", c.id " + direction + " LIMIT ? OFFSET ?")
			.params(pageParams).query(Long.class).list();
		long total = ids.size() < page.getPageSize() && (page.getOffset() > 0 || !ids.isEmpty())
				? page.getOffset() + ids.size()
				: jdbc.sql("SELECT COUNT(*) FROM clinicians c JOIN users u ON u.id = c.user_id WHERE " + where)
					.params(params).query(Long.class).single();
		return new PageImpl<>(ids, page, total);
	}

	private static String where(ClinicianSearch search, boolean listedOnly, List<Object> params) {
		List<String> conditions = new ArrayList<>(List.of("c.deleted_at IS NULL", "u.deleted_at IS NULL"));
		if (listedOnly) {
			// the public sees only clinicians whose KYC check passed (those the clinic appoints are verified)
			conditions.add("c.listed = TRUE AND c.active = TRUE AND u.active = TRUE AND c.kyc_status = 'VERIFIED'");
		}
		else if (search.listed() != null) {
			conditions.add("c.listed = ?");
			params.add(search.listed());
		}
		String text = pattern(search.text());
		if (text != null) {
			conditions.add("(LOWER(u.full_name) LIKE ? OR LOWER(c.bio) LIKE ? OR LOWER(c.clinic_name) LIKE ? "
					+ "OR EXISTS (SELECT 1 FROM clinician_specializations s WHERE s.clinician_id = c.id "
					+ "AND LOWER(s.name) LIKE ?))");
			params.add(text);
			params.add(text);
			params.add(text);
			params.add(text);
		}
		if (search.specialization() != null && !search.specialization().isBlank()) {
			conditions.add("EXISTS (SELECT 1 FROM clinician_specializations s WHERE s.clinician_id = c.id "
					+ "AND LOWER(s.name) = ?)");
			params.add(search.specialization().trim().toLowerCase(Locale.ROOT));
		}
		if (search.language() != null && !search.language().isBlank()) {
			conditions.add("EXISTS (SELECT 1 FROM clinician_languages l WHERE l.clinician_id = c.id "
					+ "AND LOWER(l.name) = ?)");
			params.add(search.language().trim().toLowerCase(Locale.ROOT));
		}
		if (search.minRating() != null) {
			conditions.add("c.rating >= ?");
			params.add(search.minRating());
		}
		return String.join(" AND ", conditions);
	}

	private static @Nullable String pattern(@Nullable String text) {
		return text == null || text.isBlank() ? null
				: "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
	}
}
