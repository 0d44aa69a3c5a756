package io.polyclinic.identity.accounts;

import io.polyclinic.platform.Role;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.identity.Account;
import io.polyclinic.identity.AccountOrder;
import io.polyclinic.identity.internal.User;
import io.polyclinic.identity.internal.Users;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Refusal;

/**
 * Opens, changes and closes accounts, and finds them. Email, phone and username are unique across everyone.
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

	/** The shortest password any contract admits (DiabCare's six); a face whose contract asks more checks more. */
	public static final int MINIMUM_PASSWORD_LENGTH = 6;

	private final Users users;
	private final PasswordEncoder passwords;
	private final PolyclinicProperties properties;
	private final Clock clock;

	Accounts(Users users, PasswordEncoder passwords, PolyclinicProperties properties, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public Account open(NewAccount request) {
		String phone = phone(request.phone());
		String email = email(request.email());
		String username = username(request.username());
		if (phone == null && email == null && username == null) {
			throw Refusal.invalidField("phone", "A phone number, email or username is required");
		}
		if (request.fullName() == null || request.fullName().isBlank()) {
			throw Refusal.invalidField("fullName", "Full name is required");
		}
		requireFree(phone, email, username, null);
		String hash = request.password() == null ? null : passwords.encode(checkedPassword(request.password()));
		User user = new User(request.fullName().trim(), username, email, phone, hash, request.role(), clock.instant());
		return saveUnique(user).toAccount();
	}

	@Transactional
	public Account change(long id, AccountChanges changes) {
		User user = user(id);
		var now = clock.instant();
		if (changes.fullName() != null) {
			if (changes.fullName().isBlank()) {
				throw Refusal.invalidField("fullName", "Full name cannot be blank");
			}
			user.rename(changes.fullName().trim(), now);
		}
		String phone = changes.phone() == null ? null : phone(changes.phone());
		String email = changes.email() == null ? null : email(changes.email());
		String username = changes.username() == null ? null : username(changes.username());
		requireFree(phone != null && !phone.equals(user.getPhone()) ? phone : null,
				email != null && !email.equals(user.getEmail()) ? email : null,
				username != null && !username.equals(user.getUsername()) ? username : null, user.getId());
		if (phone != null) {
			user.changePhone(phone, now);
		}
		if (email != null) {
			user.changeEmail(email, now);
		}
		if (username != null) {
			user.changeUsername(username, now);
		}
		if (changes.password() != null) {
			user.changePasswordHash(passwords.encode(checkedPassword(changes.password())), now);
		}
		if (changes.active() != null) {
			user.activate(changes.active(), now);
		}
		return saveUnique(user).toAccount();
	}

	@Transactional
	public Account toggleActive(long id) {
		User user = user(id);
		user.activate(!user.isActive(), clock.instant());
		return user.toAccount();
	}

	@Transactional
	public Account delete(long id) {
		User user = user(id);
		user.delete(clock.instant());
		return user.toAccount();
	}

	public Account get(long id) {
		return user(id).toAccount();
	}

	public Optional<Account> find(long id) {
		return users.findById(id).map(User::toAccount);
	}

	public Optional<Account> findByPhone(String phone) {
		String normalized = PhoneNumbers.normalize(phone, properties.defaultCountryCode());
		return normalized == null ? Optional.empty() : users.findByPhone(normalized).map(User::toAccount);
	}

	/** Accounts by id, in one query: for lists that show names. */
	public Map<Long, Account> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return users.findByIdIn(Set.copyOf(ids)).stream().map(User::toAccount)
			.collect(Collectors.toMap(Account::id, Function.identity()));
	}

	/**
	 * Accounts of the given roles, filtered in SQL by a part of the name and by the phone's last digits (so a
	 * number matches with or without its country code), a page at a time.
	 */
	public Page<Account> search(Set<Role> roles, @Nullable String name, @Nullable String phone, boolean includeDeleted,
			Pageable page) {
		return search(roles, name, phone, includeDeleted, null, page);
	}

	/** As above, limited to the given user ids when they are not null. */
	public Page<Account> search(Set<Role> roles, @Nullable String name, @Nullable String phone, boolean includeDeleted,
			@Nullable Collection<Long> onlyIds, Pageable page) {
		if (onlyIds != null && onlyIds.isEmpty()) {
			return Page.empty(page);
		}
		String namePattern = name == null || name.isBlank() ? null
				: "%" + name.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
		String digits = phone == null || phone.isBlank() ? null : PhoneNumbers.searchDigits(phone);
		String phonePattern = digits == null || digits.isEmpty() ? null : "%" + digits;
		return users.search(roles, namePattern, phonePattern, includeDeleted, onlyIds != null, 
				onlyIds == null ? Set.of(-1L) : onlyIds, page).map(User::toAccount);
	}

	public Optional<Account> findByPublicId(UUID publicId) {
		return users.findByPublicId(publicId).map(User::toAccount);
	}

	/** Accounts by public id, in one query. */
	public Map<UUID, Account> findAllByPublicId(Collection<UUID> publicIds) {
		if (publicIds.isEmpty()) {
			return Map.of();
		}
		return users.findByPublicIdIn(Set.copyOf(publicIds)).stream().map(User::toAccount)
			.collect(Collectors.toMap(Account::publicId, Function.identity()));
	}

	public Optional<Account> findByEmail(String email) {
		return users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(User::toAccount);
	}

	/**
	 * People of the given roles who are not deleted, by standing ({@code active} null: any) and by a part of their
	 * name, email or username, case-insensitively, newest first: filtered and paged in SQL.
	 */
	public Page<Account> people(Set<Role> roles, @Nullable Boolean active, @Nullable String text, Pageable page) {
		return people(roles, active, text, AccountOrder.JOINED, true, page);
	}

	/** As above, in the given order (ties by id, in the same direction). */
	public Page<Account> people(Set<Role> roles, @Nullable Boolean active, @Nullable String text, AccountOrder order,
			boolean descending, Pageable page) {
		String pattern = text == null || text.isBlank() ? null
				: "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
		String property = switch (order) {
			case JOINED -> "createdAt";
			case NAME -> "fullName";
			case EMAIL -> "email";
			case USERNAME -> "username";
			case ID -> "id";
		};
		Sort.Direction direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
		Sort sort = order == AccountOrder.ID ? Sort.by(direction, "id")
				: Sort.by(new Sort.Order(direction, property), new Sort.Order(direction, "id"));
		Pageable sorted = PageRequest.of(page.getPageNumber(), page.getPageSize(), sort);
		return users.people(roles, active, pattern, sorted).map(User::toAccount);
	}

	@Transactional
	public Account changePicture(long id, @Nullable String url) {
		User user = user(id);
		user.changeProfilePicture(url, clock.instant());
		return user.toAccount();
	}

	/** The person received a code at their email address, or a provider vouched for it. */
	@Transactional
	public Account emailVerified(long id) {
		User user = user(id);
		user.emailVerified(clock.instant());
		return user.toAccount();
	}

	/** An administrator accepted the person's identity document ({@code true}), or withdrew that acceptance. */
	@Transactional
	public Account identityVerified(long id, boolean verified) {
		User user = user(id);
		user.identityVerified(verified, clock.instant());
		return user.toAccount();
	}

	@Transactional
	public Account changeRole(long id, Role role) {
		User user = user(id);
		user.changeRole(role, clock.instant());
		return user.toAccount();
	}

	public @Nullable String normalizePhone(@Nullable String raw) {
		return raw == null ? null : PhoneNumbers.normalize(raw, properties.defaultCountryCode());
	}

	private User user(long id) {
		return users.findById(id).orElseThrow(() -> Refusal.notFound("User"));
	}

	private @Nullable String phone(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String normalized = PhoneNumbers.normalize(raw, properties.defaultCountryCode());
		if (normalized == null) {
			throw Refusal.invalidField("phone", "Invalid phone number");
		}
		return normalized;
	}

	private static @Nullable String email(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String email = raw.trim().toLowerCase(Locale.ROOT);
		if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			throw Refusal.invalidField("email", "Invalid email format");
		}
		return email;
	}

	private static @Nullable String username(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String username = raw.trim().toLowerCase(Locale.ROOT);
		if (!username.matches("^[a-z0-9._-]{3,100}$")) {
			throw Refusal.invalidField("username", "Username must be 3-100 letters, digits, dots, dashes or underscores");
		}
		return username;
	}

	private static String checkedPassword(String password) {
		if (password.length() < MINIMUM_PASSWORD_LENGTH) {
			throw Refusal.invalidField("password", "Password must be at least " + MINIMUM_PASSWORD_LENGTH + " characters");
		}
		return password;
	}

	private void requireFree(@Nullable String phone, @Nullable String email, @Nullable String username,
			@Nullable Long self) {
		if (phone != null && users.findByPhone(phone).filter(u -> !u.getId().equals(self)).isPresent()) {
			throw duplicate("phone", "A user with this phone number already exists");
		}
		if (email != null && users.findByEmail(email).filter(u -> !u.getId().equals(self)).isPresent()) {
			throw duplicate("email", "A user with this email already exists");
		}
		if (username != null && users.findByUsername(username).filter(u -> !u.getId().equals(self)).isPresent()) {
			throw duplicate("username", "A user with this username already exists");
		}
	}

	/** The unique keys decide in the end: a concurrent insert that slipped past the check above lands here. */
	private User saveUnique(User user) {
		try {
			return users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException e) {
			throw Refusal.conflict("ALREADY_EXISTS", "A user with this phone number, email or username already exists");
		}
	}

	private static Refusal duplicate(String field, String message) {
		return Refusal.conflict("ALREADY_EXISTS", message, field);
	}
}
