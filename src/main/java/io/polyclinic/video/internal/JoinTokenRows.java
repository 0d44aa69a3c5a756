package io.polyclinic.video.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Role;
import io.polyclinic.video.RtcJoinToken;

/**
 * Join tokens in SQL, and their signature. A token is {@code rtc.<row id>.<HMAC-SHA256 over the row>}, keyed by a key
 * derived from the clinic's signing secret: nothing in the table lets anyone join, and changing the secret withdraws
 * every token at once. Redeeming one also asks that the session it was issued to is still live — signing out ends it.
 */
@Component
public class JoinTokenRows {

	public static final String PREFIX = "rtc.";

	private static final String SELECT = """
			SELECT t.id, t.consultation_id, v.room_sid, t.user_id, u.full_name, t.session_id, t.expires_at, t.created_at
			FROM rtc_join_tokens t JOIN video_consultations v ON v.id = t.consultation_id
			JOIN users u ON u.id = t.user_id""";

	private final JdbcClient jdbc;
	private final SecretKeySpec key;

	JoinTokenRows(JdbcClient jdbc, PolyclinicProperties properties) {
		this.jdbc = jdbc;
		// a key of its own, so that nothing signed here can pass for an access token or the reverse
		this.key = new SecretKeySpec(hmac(new SecretKeySpec(properties.jwt().secret().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"), "polyclinic rtc join tokens"), "HmacSHA256");
	}

	/** A token's row with what its holder's caller is made of. */
	public record Redeemed(long roomPk, String roomId, Actor actor, Instant expiresAt) {
	}

	public RtcJoinToken insert(long roomPk, Actor holder, Instant expiresAt, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO rtc_join_tokens (consultation_id, user_id, session_id, expires_at, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			// whole seconds: what the signature covers
			.params(roomPk, holder.userId(), holder.sessionId(), Instant.ofEpochSecond(expiresAt.getEpochSecond())
				.atOffset(ZoneOffset.UTC),
					now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(this::row).single();
	}

	/** The holder's tokens of one room or all, by creation or expiry. */
	public Page<RtcJoinToken> ofUser(long userId, @Nullable Long roomPk, boolean byExpiry, boolean descending,
			Pageable page) {
		String where = " WHERE t.user_id = :user" + (roomPk == null ? "" : " AND t.consultation_id = :room");
		var params = new java.util.HashMap<String, Object>();
		params.put("user", userId);
		if (roomPk != null) {
			params.put("room", roomPk);
		}
		String column = byExpiry ? "t.expires_at" : "t.created_at";
		String order = descending ? column + " DESC, t.id DESC" : column + " ASC, t.id ASC";
		List<RtcJoinToken> tokens = jdbc.sql(SELECT + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(this::row)
			.list();
		return PageableExecutionUtils.getPage(tokens, page,
				() -> jdbc.sql("SELECT COUNT(*) FROM rtc_join_tokens t" + where).params(params).query(Long.class)
					.single());
	}

	/**
	 * The token's holder, if it is one of ours, untampered, of a live session of an account still allowed in; whether
	 * it has expired or names the right room is the caller's to judge.
	 */
	public Optional<Redeemed> redeem(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
		if (parts.length != 2 || parts[0].isEmpty() || parts[0].length() > 18 || !parts[0].chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		long id = Long.parseLong(parts[0]);
		return jdbc.sql("""
				SELECT t.consultation_id, v.room_sid, t.user_id, t.session_id, t.expires_at, u.public_id, u.role
				FROM rtc_join_tokens t JOIN video_consultations v ON v.id = t.consultation_id
				JOIN users u ON u.id = t.user_id JOIN sessions s ON s.id = t.session_id AND s.user_id = t.user_id
				WHERE t.id = ? AND s.revoked_at IS NULL AND u.active = TRUE AND u.deleted_at IS NULL""")
			.param(id)
			.query((rs, i) -> new Redeemed(rs.getLong("consultation_id"), rs.getString("room_sid"),
					new Actor(rs.getLong("user_id"), rs.getObject("public_id", UUID.class),
							Role.valueOf(rs.getString("role")), rs.getObject("session_id", UUID.class)),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional()
			.filter(found -> MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
					sign(id, found.roomPk(), found.actor().userId(), found.actor().sessionId(), found.expiresAt())
						.getBytes(StandardCharsets.US_ASCII)));
	}

	private RtcJoinToken row(ResultSet rs, int i) throws SQLException {
		long id = rs.getLong("id");
		long roomPk = rs.getLong("consultation_id");
		long userId = rs.getLong("user_id");
		UUID session = rs.getObject("session_id", UUID.class);
		Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
		return new RtcJoinToken(id, roomPk, rs.getString("room_sid"), userId, rs.getString("full_name"),
				PREFIX + id + "." + sign(id, roomPk, userId, session, expires), expires,
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private String sign(long id, long roomPk, long userId, UUID session, Instant expires) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(
				hmac(key, id + ":" + roomPk + ":" + userId + ":" + session + ":" + expires.getEpochSecond()));
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
