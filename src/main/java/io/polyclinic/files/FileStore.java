package io.polyclinic.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.files.internal.FileRecord;
import io.polyclinic.files.internal.FileRecords;
import io.polyclinic.files.internal.FilesProperties;
import io.polyclinic.files.internal.ObjectStorage;
import io.polyclinic.files.internal.UrlSigner;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Stores uploads and hands out their download links.
 *
 * <p>An upload is judged by its content: its first bytes must be one of the types its {@link FilePurpose} allows
 * (a text file named {@code photo.png} is refused), it may not be empty, and it may not be larger than
 * {@code polyclinic.files.max-size} (10 MB). Its bytes go to the configured storage under a key of the module's own
 * making; its row keeps who stored it and what it is.
 *
 * <p>Who may do what: any signed-in caller stores files of their own (a guest only a profile picture). A file is
 * found ({@link #find}) by its owner, by administrators and by the clinic's own processes; a profile picture by any
 * signed-in caller, since it is shown wherever its user is. Anyone else is told there is no such file, and the
 * refusal is audited. A module that attaches documents to something of its own (a record, a KYC check) decides who
 * may see that, then asks for the file as {@link Actor#system()}.
 *
 * <p>Download links ({@link #url}) are absolute ({@code polyclinic.public-base-url}), name one file, and carry an
 * expiry and an HMAC-SHA256 signature over both ({@code polyclinic.files.signing-secret}); the application serves
 * them at {@code GET /files/{id}?expires=…&signature=…} to whoever holds them, and refuses a changed or expired one.
 * Links last {@code polyclinic.files.url-ttl} (1 hour), except a profile picture's: it is stored on its user as the
 * picture's URL and shown in every profile read afterwards, so it lasts {@code profile-picture-url-ttl} (ten years)
 * rather than being signed again on each read — a picture is the least private of uploads, the link still serves
 * that one file only, and changing the signing secret withdraws every link at once.
 */
@Service
@Transactional(readOnly = true)
public class FileStore {

	private static final String RESOURCE = "FILE";

	private final FileRecords records;
	private final ObjectStorage storage;
	private final UrlSigner signer;
	private final FilesProperties settings;
	private final AuditLog audit;
	private final Clock clock;
	private final String baseUrl;

	FileStore(FileRecords records, ObjectStorage storage, UrlSigner signer, FilesProperties settings,
			PolyclinicProperties platform, AuditLog audit, Clock clock) {
		this.records = records;
		this.storage = storage;
		this.signer = signer;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = platform.publicBaseUrl().replaceAll("/+$", "");
	}

	/**
	 * Stores an upload of the caller's.
	 *
	 * @param declaredName the name the client gave (kept for downloads, never trusted for the type); may be null
	 * @throws Refusal INVALID ({@code file} field) FILE_EMPTY, FILE_TOO_LARGE, UNSUPPORTED_FILE_TYPE; FORBIDDEN
	 *         (audited) for a guest storing anything but a profile picture; UNAVAILABLE STORAGE_UNAVAILABLE
	 */
	@Transactional
	public StoredFile store(Actor owner, FilePurpose purpose, InputStream content, @Nullable String declaredName) {
		long max = settings.maxSize().toBytes();
		byte[] bytes;
		try {
			// one byte past the limit tells a file that is too large from one that is exactly as large as allowed
			bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the upload", e);
		}
		return store(owner, purpose, bytes, declaredName);
	}

	/** {@link #store(Actor, FilePurpose, InputStream, String)} for bytes at hand. */
	@Transactional
	public StoredFile store(Actor owner, FilePurpose purpose, byte[] content, @Nullable String declaredName) {
		if (owner.is(Role.GUEST) && purpose != FilePurpose.PROFILE_PICTURE) {
			audit.recordDenied(AuditRecord.denied(owner, "CREATE", RESOURCE, purpose.name(), null));
			throw Refusal.forbidden();
		}
		FileType type = judge(purpose, content);
		UUID id = UUID.randomUUID();
		String key = purpose.folder() + "/" + id + "." + type.extension();
		storage.put(key, content, type.contentType());
		try {
			FileRecord record = records.saveAndFlush(new FileRecord(id, owner.isSystem() ? null : owner.userId(), purpose,
					type, content.length, cleanName(declaredName), storage.name(), key,
					clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS))); // what the database keeps, so a later read is equal
			audit.record(AuditRecord.success(owner, "CREATE", RESOURCE, id, null));
			return view(record);
		}
		catch (RuntimeException e) {
			storage.delete(key);
			throw e;
		}
	}

	/**
	 * A stored file, for a caller who may see it.
	 *
	 * @throws Refusal NOT_FOUND when there is none, or none this caller may see (then audited)
	 */
	public StoredFile find(Actor actor, UUID id) {
		FileRecord record = records.findByPublicId(id).orElseThrow(() -> Refusal.notFound("File"));
		if (!maySee(actor, record)) {
			audit.recordDenied(AuditRecord.denied(actor, "READ", RESOURCE, id, null));
			throw Refusal.notFound("File");
		}
		return view(record);
	}

	/** A download link of the file that lasts as long as its purpose's links do. */
	public SignedUrl url(StoredFile file) {
		return url(file, file.purpose() == FilePurpose.PROFILE_PICTURE ? settings.profilePictureUrlTtl()
				: settings.urlTtl());
	}

	/** A download link of the file that lasts {@code ttl} (whole seconds; at least one). */
	public SignedUrl url(StoredFile file, Duration ttl) {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("A link must last a while: " + ttl);
		}
		Instant expires = clock.instant().plus(ttl).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		long epoch = expires.getEpochSecond();
		return new SignedUrl(baseUrl + "/files/" + file.id() + "?expires=" + epoch + "&signature="
				+ signer.sign(file.id(), epoch), expires);
	}

	/** The largest upload kept, in bytes. */
	public long maxSize() {
		return settings.maxSize().toBytes();
	}

	private FileType judge(FilePurpose purpose, byte[] content) {
		if (content.length == 0) {
			throw invalid("FILE_EMPTY", "The file is empty");
		}
		long max = settings.maxSize().toBytes();
		if (content.length > max) {
			throw invalid("FILE_TOO_LARGE", "The file is larger than " + megabytes(max) + " MB");
		}
		FileType type = FileType.of(Arrays.copyOf(content, Math.min(content.length, FileType.SIGNATURE_LENGTH)))
			.filter(purpose::allows)
			.orElseThrow(() -> invalid("UNSUPPORTED_FILE_TYPE", "The file must be "
					+ purpose.allowedTypes().stream().map(FileStore::typeName).collect(Collectors.joining(", "))
					+ " (judged by its content, not its name)"));
		return type;
	}

	private static boolean maySee(Actor actor, FileRecord record) {
		return actor.isSystem() || actor.is(Role.ADMIN) || record.getPurpose() == FilePurpose.PROFILE_PICTURE
				|| (record.getOwnerUserId() != null && record.getOwnerUserId() == actor.userId());
	}

	static StoredFile view(FileRecord r) {
		return new StoredFile(r.getPublicId(), r.getOwnerUserId(), r.getPurpose(), r.getType(), r.getContentType(),
				r.getSize(), r.getOriginalName(), r.getCreatedAt());
	}

	/** The declared name without any path, control characters or excess length; null when nothing is left. */
	static @Nullable String cleanName(@Nullable String declared) {
		if (declared == null) {
			return null;
		}
		String name = declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1)
			.codePoints().filter(c -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
		if (name.isEmpty()) {
			return null;
		}
		if (name.length() <= 255) {
			return name;
		}
		int end = Character.isHighSurrogate(name.charAt(254)) ? 254 : 255;
		return name.substring(0, end);
	}

	private static String typeName(FileType type) {
		return type == FileType.WEBP ? "WebP" : type.name();
	}

	private static String megabytes(long bytes) {
		long mb = bytes / (1024 * 1024);
		return mb * 1024 * 1024 == bytes ? String.valueOf(mb) : String.format(java.util.Locale.ROOT, "%.1f",
				bytes / (1024.0 * 1024.0));
	}

	private static Refusal invalid(String code, String message) {
		return new Refusal(Refusal.Kind.INVALID, code, message, Map.of("file", message));
	}
}
