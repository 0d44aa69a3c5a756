package io.polyclinic.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.Tokens;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/** The clinic's pharmacists: they sign themselves up with their licence and their pharmacy, and sign in as anyone does. */
@Service
public class PharmacistRegistry {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final VerifiedSessions sessions;
	private final AuditLog audit;
	private final Clock clock;

	PharmacistRegistry(JdbcClient jdbc, Accounts accounts, VerifiedSessions sessions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a pharmacist gives when signing up. */
	public record NewPharmacist(String fullName, String email, @Nullable String phone, String password,
			String licenceNumber, String pharmacyName, @Nullable String pharmacyAddress, @Nullable String pharmacyPhone) {
	}

	public record SignedUp(Pharmacist pharmacist, Tokens tokens) {
	}

	/** Opens the pharmacist's account (role PHARMACIST) and their pharmacy in one transaction, and signs them in. */
	@Transactional
	public SignedUp signUp(NewPharmacist request) {
		if (request.licenceNumber() == null || request.licenceNumber().isBlank()) {
			throw Refusal.invalidField("licenceNumber", "Licence number is required");
		}
		if (request.pharmacyName() == null || request.pharmacyName().isBlank()) {
			throw Refusal.invalidField("pharmacyName", "Pharmacy name is required");
		}
		Account account = accounts.open(new NewAccount(request.fullName(), null, request.email(), request.phone(),
				request.password(), Role.PHARMACIST));
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO pharmacists (public_id, user_id, licence_number, pharmacy_name, pharmacy_address,
				                         pharmacy_phone, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), account.id(), request.licenceNumber().trim(), request.pharmacyName().trim(),
					blankToNull(request.pharmacyAddress()), blankToNull(request.pharmacyPhone()), now, now)
			.update();
		Pharmacist pharmacist = forUser(account.id()).orElseThrow();
		audit.record(AuditRecord.success(account.id(), Role.PHARMACIST.name(), "CREATE", "PHARMACIST",
				pharmacist.id(), null));
		SignedIn signedIn = sessions.start(account.id());
		return new SignedUp(pharmacist, signedIn.tokens());
	}

	/** The pharmacist whose account this is, if they keep a pharmacy. */
	@Transactional(readOnly = true)
	public Optional<Pharmacist> forUser(long userId) {
		return jdbc.sql("""
				SELECT ph.id, ph.public_id, ph.user_id, u.public_id AS account_id, u.full_name, u.email, u.phone,
				       ph.licence_number, ph.pharmacy_name, ph.pharmacy_address, ph.pharmacy_phone, ph.created_at
				FROM pharmacists ph JOIN users u ON u.id = ph.user_id
				WHERE ph.user_id = ?""")
			.param(userId)
			.query(PharmacistRegistry::pharmacist)
			.optional();
	}

	/** The pharmacies, newest first, paged and counted in SQL: patients look for one to dispense their medicines. */
	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<Pharmacist> list(org.springframework.data.domain.Pageable page) {
		var content = jdbc.sql("""
				SELECT ph.id, ph.public_id, ph.user_id, u.public_id AS account_id, u.full_name, u.email, u.phone,
				       ph.licence_number, ph.pharmacy_name, ph.pharmacy_address, ph.pharmacy_phone, ph.created_at
				FROM pharmacists ph JOIN users u ON u.id = ph.user_id
				WHERE u.active = TRUE AND u.deleted_at IS NULL
				ORDER BY ph.id DESC LIMIT ? OFFSET ?""")
			.params(page.getPageSize(), page.getOffset())
			.query(PharmacistRegistry::pharmacist)
			.list();
		long total = jdbc.sql("""
				SELECT COUNT(*) FROM pharmacists ph JOIN users u ON u.id = ph.user_id
				WHERE u.active = TRUE AND u.deleted_at IS NULL""")
			.query(Long.class)
			.single();
		return new org.springframework.data.domain.PageImpl<>(content, page, total);
	}

	private static Pharmacist pharmacist(ResultSet rs, int row) throws SQLException {
		return new Pharmacist(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("user_id"),
				rs.getObject("account_id", UUID.class), rs.getString("full_name"), rs.getString("email"),
				rs.getString("phone"), rs.getString("licence_number"), rs.getString("pharmacy_name"),
				rs.getString("pharmacy_address"), rs.getString("pharmacy_phone"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
