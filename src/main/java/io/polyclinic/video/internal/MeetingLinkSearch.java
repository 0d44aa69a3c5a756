package io.polyclinic.video.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.video.MeetingLink;

/**
 * The list of links in SQL: filtered by creation time and provider, newest first, and for a centre's staff joined to
 * scheduling's appointments (a read model over the module video depends on) to keep the links of appointments their
 * centre runs. A page is one query, and a count only when the page does not tell the total by itself.
 */
@Component
public class MeetingLinkSearch {

	private final JdbcClient jdbc;

	MeetingLinkSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Links created in [from, to) by a provider, of appointments a centre runs; a null bound, provider or centre is
	 * left out of the SQL altogether, since PostgreSQL cannot type a parameter that is only compared with NULL.
	 */
	public Page<MeetingLink> find(@Nullable Instant from, @Nullable Instant to, @Nullable String provider,
			@Nullable Long managingCentre, Pageable page) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		String tables = " FROM meeting_links ml";
		if (managingCentre != null) {
			tables += " JOIN appointments a ON a.id = ml.appointment_id";
			conditions.add("a.managing_centre_id = :centre");
			params.put("centre", managingCentre);
		}
		if (from != null) {
			conditions.add("ml.created_at >= :from");
			params.put("from", from.atOffset(ZoneOffset.UTC));
		}
		if (to != null) {
			conditions.add("ml.created_at < :to");
			params.put("to", to.atOffset(ZoneOffset.UTC));
		}
		if (provider != null) {
			conditions.add("ml.provider = :provider");
			params.put("provider", provider);
		}
		String where = tables + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
		List<MeetingLink> links = jdbc.sql("""
				SELECT ml.id, ml.appointment_id, ml.url, ml.provider, ml.external_event_id, ml.summary, ml.starts_at,
				  ml.ends_at, ml.created_at""" + where + " ORDER BY ml.created_at DESC, ml.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(MeetingLinkSearch::link)
			.list();
		return PageableExecutionUtils.getPage(links, page,
				() -> jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single());
	}

	private static MeetingLink link(ResultSet rs, int row) throws SQLException {
		return new MeetingLink(rs.getLong("id"), rs.getLong("appointment_id"), rs.getString("url"),
				rs.getString("provider"), rs.getString("external_event_id"), rs.getString("summary"),
				instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "created_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
