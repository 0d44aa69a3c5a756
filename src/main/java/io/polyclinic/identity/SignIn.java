package io.polyclinic.identity;

import io.polyclinic.platform.Actor;

import io.polyclinic.platform.Role;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.identity.internal.AccessTokens;
import io.polyclinic.identity.internal.OtpChallenge;
import io.polyclinic.identity.internal.OtpChallenges;
import io.polyclinic.identity.internal.RefreshToken;
import io.polyclinic.identity.internal.RefreshTokens;
import io.polyclinic.identity.internal.Session;
import io.polyclinic.identity.internal.SessionIssuer;
import io.polyclinic.identity.internal.Sessions;
import io.polyclinic.identity.internal.User;
import io.polyclinic.identity.internal.Users;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Refusal;

/**
 * Signing in and out: passwords, one-time codes, the rotation of refresh tokens. Every refusal carries the code a
 * face shows (INVALID_CREDENTIALS, INVALID_OTP, OTP_EXPIRED, TOKEN_EXPIRED, INVALID_TOKEN, TOO_MANY_CODES).
 *
 * <p>One destination gets at most {@code polyclinic.otp.per-destination.limit} codes (3) per
 * {@code polyclinic.otp.per-destination.window} (15 minutes) and {@code polyclinic.otp.per-destination.daily-limit}
 * (10) per 24 hours, whatever the purpose and whoever asks, since a code costs the clinic a message (SMS pumping);
 * a limit below 1 is switched off.
 */
@Service
@Transactional
public class SignIn {

	public enum LoginName {
		PHONE, EMAIL, USERNAME
	}

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Duration DAY = Duration.ofHours(24);

	/** At most {@code codes} codes to one destination within any {@code within}. */
	record OtpLimit(int codes, Duration within) {
	}

	private final Users users;
	private final Sessions sessions;
	private final RefreshTokens refreshTokens;
	private final OtpChallenges otps;
	private final SessionIssuer issuer;
	private final PasswordEncoder passwords;
	private final OtpDelivery codes;
	private final PolyclinicProperties properties;
	private final List<OtpLimit> otpLimits;
	private final Clock clock;
	// A hash to compare against when no user matches, so that a miss costs as long as a wrong password.
	private final String noUserHash;

	SignIn(Users users, Sessions sessions, RefreshTokens refreshTokens, OtpChallenges otps, SessionIssuer issuer,
			PasswordEncoder passwords, OtpDelivery codes, PolyclinicProperties properties, Clock clock,
			@Value("${polyclinic.otp.per-destination.limit:3}") int limit,
			@Value("${polyclinic.otp.per-destination.window:15m}") Duration window,
			@Value("${polyclinic.otp.per-destination.daily-limit:10}") int dailyLimit) {
		this.users = users;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.otps = otps;
		this.issuer = issuer;
		this.passwords = passwords;
		this.codes = codes;
		this.properties = properties;
		this.otpLimits = java.util.stream.Stream.of(new OtpLimit(limit, window), new OtpLimit(dailyLimit, DAY))
			.filter(l -> l.codes() > 0 && !l.within().isNegative() && !l.within().isZero())
			.toList();
		this.clock = clock;
		this.noUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	public SignedIn withPassword(LoginName kind, String login, String password) {
		return withPassword(kind, login, password, null);
	}

	/**
	 * As {@link #withPassword(LoginName, String, String)}, for accounts of one role only: any other account is
	 * refused exactly as a wrong password is (INVALID_CREDENTIALS), before a session starts, so that a sign-in page
	 * of patients neither admits staff nor tells which logins are staff.
	 */
	public SignedIn withPassword(LoginName kind, String login, String password, @Nullable Role only) {
		Optional<User> found = switch (kind) {
			case PHONE -> Optional.ofNullable(PhoneNumbers.normalize(login, properties.defaultCountryCode()))
				.flatMap(users::findByPhone);
			case EMAIL -> users.findByEmail(login.trim().toLowerCase(java.util.Locale.ROOT));
			case USERNAME -> users.findByUsername(login.trim().toLowerCase(java.util.Locale.ROOT));
		};
		String hash = found.map(User::getPasswordHash).orElse(null);
		boolean matches = passwords.matches(password, hash == null ? noUserHash : hash) && hash != null;
		if (found.isEmpty() || !matches || (only != null && found.get().getRole() != only)) {
			throw invalidCredentials();
		}
		User user = found.get();
		if (!user.canSignIn()) {
			throw Refusal.forbidden("ACCOUNT_DISABLED", "This account is deactivated");
		}
		return start(user);
	}

	/**
	 * Sends a six-digit code to a phone (by SMS or WhatsApp). For a staff sign-in the code goes only to a phone that belongs to a staff
	 * member or clinician, but the answer is the same either way, so that nobody learns which numbers exist: a code
	 * for an unknown number is made and counted against its limits too, and never sent.
	 *
	 * @return where the code went and how long it stays good
	 * @throws TooManyCodes when the destination has had as many codes as its windows allow
	 */
	public OtpSent requestOtp(String phone, OtpPurpose purpose, OtpChannel channel, @Nullable String displayName) {
		if (channel == OtpChannel.EMAIL) {
			throw new IllegalArgumentException("A phone's code goes by SMS or WhatsApp; use requestEmailOtp");
		}
		return issue(requirePhone(phone), purpose, channel, displayName);
	}

	/**
	 * Sends a six-digit code by email, under the same rules as a phone's code (hashed, its time to live, its tries,
	 * the per-destination limits). Not for staff sign-in, whose codes go to known phones only.
	 *
	 * @throws TooManyCodes when the address has had as many codes as its windows allow
	 */
	public OtpSent requestEmailOtp(String email, OtpPurpose purpose) {
		if (purpose == OtpPurpose.STAFF_LOGIN) {
			throw new IllegalArgumentException("Staff codes go to known phones only");
		}
		return issue(requireEmail(email), purpose, OtpChannel.EMAIL, null);
	}

	/**
	 * Checks a code sent by email; a wrong guess is counted even though the call fails.
	 *
	 * @return the address, as the clinic writes it (trimmed, lower case), now proven to be the caller's
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public String verifyEmailOtp(String email, String code, OtpPurpose purpose) {
		return check(requireEmail(email), code, purpose).getDestination();
	}

	private OtpSent issue(String destination, OtpPurpose purpose, OtpChannel channel, @Nullable String displayName) {
		Instant now = clock.instant();
		long ttl = properties.otp().ttl().toSeconds();
		requireQuota(destination, now);
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		otps.save(new OtpChallenge(destination, purpose, otpHash(destination, purpose, code),
				displayName == null || displayName.isBlank() ? null : displayName.trim(), now, now.plusSeconds(ttl)));
		if (purpose == OtpPurpose.STAFF_LOGIN) {
			Optional<User> user = users.findByPhone(destination);
			if (user.isEmpty() || user.get().getRole() == Role.PATIENT || !user.get().canSignIn()) {
				return new OtpSent(destination, ttl);
			}
		}
		boolean sent = codes.send(channel, destination, "Your Polyclinic code",
				"Your verification code is " + code + ". It expires in " + (ttl / 60) + " minutes. Do not share it.");
		if (!sent) {
			throw Refusal.unavailable("OTP_DELIVERY_FAILED",
					"The code could not be sent; please try again later");
		}
		return new OtpSent(destination, ttl);
	}

	/**
	 * Refuses a destination that has had its codes: one indexed read of the newest codes sent to it within the longest
	 * window. The wait is until the oldest code that fills a window leaves it.
	 */
	private void requireQuota(String destination, Instant now) {
		if (otpLimits.isEmpty()) {
			return;
		}
		Duration longest = otpLimits.stream().map(OtpLimit::within).max(Duration::compareTo).orElseThrow();
		int most = otpLimits.stream().mapToInt(OtpLimit::codes).max().orElseThrow();
		List<Instant> newestFirst = otps.sentSince(destination, now.minus(longest), Limit.of(most));
		@Nullable Duration wait = null;
		for (OtpLimit limit : otpLimits) {
			Instant since = now.minus(limit.within());
			List<Instant> counted = newestFirst.stream().filter(at -> !at.isBefore(since)).toList();
			if (counted.size() >= limit.codes()) {
				Duration until = Duration.between(now, counted.get(limit.codes() - 1).plus(limit.within()));
				wait = wait == null || until.compareTo(wait) > 0 ? until : wait;
			}
		}
		if (wait != null) {
			long seconds = wait.toSeconds() + (wait.getNano() == 0 ? 0 : 1);
			throw new TooManyCodes(Duration.ofSeconds(Math.max(1, seconds)));
		}
	}

	/** Checks a code; a wrong guess is counted even though the call fails. */
	@Transactional(noRollbackFor = Refusal.class)
	public OtpVerified verifyOtp(String phone, String code, OtpPurpose purpose) {
		OtpChallenge challenge = check(requirePhone(phone), code, purpose);
		return new OtpVerified(challenge.getDestination(), challenge.getDisplayName());
	}

	private OtpChallenge check(String destination, @Nullable String code, OtpPurpose purpose) {
		if (code == null || !code.matches("\\d{6}")) {
			throw Refusal.invalidField("code", "OTP must be 6 digits");
		}
		OtpChallenge challenge = otps.findFirstByDestinationAndPurposeOrderByCreatedAtDescIdDesc(destination, purpose)
			.orElseThrow(() -> Refusal.invalid("INVALID_OTP", "Incorrect OTP"));
		var outcome = challenge.attempt(otpHash(destination, purpose, code), clock.instant(), properties.otp().maxAttempts());
		return switch (outcome) {
			case ACCEPTED -> challenge;
			case WRONG_CODE -> throw Refusal.invalid("INVALID_OTP", "Incorrect OTP");
			case EXPIRED, USED -> throw Refusal.invalid("OTP_EXPIRED",
					"OTP has expired; request a new one");
			case EXHAUSTED -> throw Refusal.invalid("OTP_EXPIRED",
					"Too many incorrect attempts; request a new OTP");
		};
	}

	@Transactional(noRollbackFor = Refusal.class)
	public SignedIn withOtp(String phone, String code, OtpPurpose purpose) {
		OtpVerified verified = verifyOtp(phone, code, purpose);
		User user = users.findByPhone(verified.phone()).filter(User::canSignIn).orElseThrow(SignIn::invalidCredentials);
		if ((purpose == OtpPurpose.STAFF_LOGIN) == (user.getRole() == Role.PATIENT)) {
			throw invalidCredentials();
		}
		return start(user);
	}

	/** Trades a refresh token for a new pair. A token used twice was stolen: its whole session is revoked. */
	@Transactional(noRollbackFor = Refusal.class)
	public SignedIn refresh(String refreshToken) {
		Instant now = clock.instant();
		RefreshToken token = refreshTokens.findByTokenHash(AccessTokens.hash(refreshToken == null ? "" : refreshToken))
			.orElseThrow(() -> Refusal.unauthenticated("INVALID_TOKEN", "Invalid refresh token"));
		Session session = sessions.findById(token.getSessionId())
			.orElseThrow(() -> Refusal.unauthenticated("INVALID_TOKEN", "Invalid refresh token"));
		if (session.isRevoked()) {
			throw Refusal.unauthenticated("INVALID_TOKEN", "Refresh token has been revoked");
		}
		if (token.isUsed()) {
			session.revoke("REFRESH_TOKEN_REUSED", now);
			throw Refusal.unauthenticated("INVALID_TOKEN", "Refresh token was already used; please sign in again");
		}
		if (token.isExpired(now)) {
			throw Refusal.unauthenticated("TOKEN_EXPIRED", "Refresh token expired");
		}
		User user = users.findById(session.getUserId()).filter(User::canSignIn)
			.orElseThrow(() -> Refusal.unauthenticated("INVALID_TOKEN", "Account can no longer sign in"));
		token.use(now);
		return new SignedIn(user.toAccount(), issuer.tokens(user, session.getId(), now));
	}

	/** Ends the session a refresh token belongs to. An unknown token changes nothing. */
	public void signOut(@Nullable String refreshToken) {
		if (refreshToken == null || refreshToken.isBlank()) {
			return;
		}
		refreshTokens.findByTokenHash(AccessTokens.hash(refreshToken))
			.flatMap(t -> sessions.findById(t.getSessionId()))
			.ifPresent(s -> s.revoke("LOGOUT", clock.instant()));
	}

	/** Ends the caller's own session: its access and refresh tokens stop working at once. */
	public void signOut(Actor actor) {
		sessions.findById(actor.sessionId()).ifPresent(s -> s.revoke("LOGOUT", clock.instant()));
	}

	private SignedIn start(User user) {
		return issuer.start(user);
	}

	private String requirePhone(@Nullable String phone) {
		String normalized = phone == null ? null : PhoneNumbers.normalize(phone, properties.defaultCountryCode());
		if (normalized == null) {
			throw Refusal.invalidField("phone", phone == null || phone.isBlank() ? "Phone number is required"
					: "Invalid phone number");
		}
		return normalized;
	}

	private static String requireEmail(@Nullable String email) {
		if (email == null || email.isBlank()) {
			throw Refusal.invalidField("email", "Email is required");
		}
		String normalized = email.trim().toLowerCase(java.util.Locale.ROOT);
		if (normalized.length() > 254 || !normalized.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			throw Refusal.invalidField("email", "Invalid email format");
		}
		return normalized;
	}

	private String otpHash(String destination, OtpPurpose purpose, String code) {
		return AccessTokens.hash(properties.jwt().secret() + '|' + purpose + '|' + destination + '|' + code);
	}

	private static Refusal invalidCredentials() {
		return Refusal.unauthenticated("INVALID_CREDENTIALS", "Invalid login credentials");
	}
}
