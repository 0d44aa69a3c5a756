package io.polyclinic.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.files.internal.FileDownloads;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.security.BearerTokens;
import io.polyclinic.support.TestDatabase;
import io.polyclinic.support.TestImages;

/**
 * The files module on its own (with platform and audit, what it depends on), storing into a temporary directory for
 * real: types judged by content, the size limit, who may store and find what, refusals audited, and the links it
 * signs. The download endpoint's HTTP side is {@code FileDownloadTests}.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
class FileStoreTests {

	/** Made before the context (a {@code @TempDir} is not), left in target/ for a look after a failure. */
	static final Path storage = temporaryDirectory();

	private static Path temporaryDirectory() {
		try {
			Files.createDirectories(Path.of("target"));
			return Files.createTempDirectory(Path.of("target"), "file-store-tests-");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("polyclinic.demo", () -> "true");
		registry.add("polyclinic.files.dir", () -> storage.toString());
		registry.add("polyclinic.public-base-url", () -> "https://clinic.example/");
	}

	/** The platform's bearer-token security, which this module's API does not use. */
	@MockitoBean
	BearerTokens tokens;

	@Autowired
	FileStore files;
	@Autowired
	FileDownloads downloads;
	@Autowired
	JdbcClient jdbc;

	@Test
	void storesEachImageTypeAsItsContentSaysWhateverItsName() throws Exception {
		Actor owner = user(Role.PATIENT);
		record Case(byte[] bytes, String name, FileType type) {
		}
		for (Case c : new Case[] { new Case(TestImages.png(), "me.png", FileType.PNG),
				new Case(TestImages.jpeg(), "me.png", FileType.JPEG), new Case(TestImages.gif(), "me", FileType.GIF),
				new Case(TestImages.webp(), "C:\\Users\\me\\photo.webp", FileType.WEBP) }) {
			StoredFile file = files.store(owner, FilePurpose.PROFILE_PICTURE, new ByteArrayInputStream(c.bytes()), c.name());

			assertThat(file.type()).isEqualTo(c.type());
			assertThat(file.contentType()).isEqualTo(c.type().contentType());
			assertThat(file.size()).isEqualTo(c.bytes().length);
			assertThat(file.ownerUserId()).isEqualTo(owner.userId());
			assertThat(file.purpose()).isEqualTo(FilePurpose.PROFILE_PICTURE);
			Path stored = storage.resolve("profile-pictures/" + file.id() + "." + c.type().extension());
			assertThat(stored).hasBinaryContent(c.bytes());
			var row = jdbc.sql("SELECT owner_user_id, purpose, content_type, size_bytes, storage, storage_key, original_name "
					+ "FROM stored_files WHERE public_id = ?").param(file.id()).query().singleRow();
			assertThat(row.get("owner_user_id")).isEqualTo(owner.userId());
			assertThat(row.get("purpose")).isEqualTo("PROFILE_PICTURE");
			assertThat(row.get("content_type")).isEqualTo(c.type().contentType());
			assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(c.bytes().length);
			assertThat(row.get("storage")).isEqualTo("local");
			assertThat(row.get("storage_key")).isEqualTo("profile-pictures/" + file.id() + "." + c.type().extension());
		}
		assertThat(jdbc.sql("SELECT original_name FROM stored_files WHERE owner_user_id = ? AND content_type = 'image/webp'")
			.param(owner.userId()).query(String.class).single()).as("the name without its path").isEqualTo("photo.webp");
		assertThat(audited(owner, "SUCCESS")).isEqualTo(4);
	}

	@Test
	void refusesTextNamedAsAnImageAnEmptyFileAndAPdfAsAPicture() {
		Actor owner = user(Role.PATIENT);

		assertRefused(() -> files.store(owner, FilePurpose.PROFILE_PICTURE, TestImages.text(), "photo.png"),
				"UNSUPPORTED_FILE_TYPE");
		assertRefused(() -> files.store(owner, FilePurpose.PROFILE_PICTURE, new byte[0], "photo.png"), "FILE_EMPTY");
		assertRefused(() -> files.store(owner, FilePurpose.PROFILE_PICTURE, TestImages.pdf(), "photo.pdf"),
				"UNSUPPORTED_FILE_TYPE");
		assertThat(files.store(owner, FilePurpose.MEDICAL_DOCUMENT, TestImages.pdf(), "report.pdf").contentType())
			.isEqualTo("application/pdf");
		assertRefused(() -> files.store(owner, FilePurpose.MEDICAL_DOCUMENT, TestImages.text(), "report.pdf"),
				"UNSUPPORTED_FILE_TYPE");
		assertThat(rows(owner)).as("nothing refused is kept").isEqualTo(1);
	}

	@Test
	void refusesMoreThanTenMegabytesAndKeepsExactlyTen() {
		Actor owner = user(Role.CLINICIAN);
		byte[] tenMegabytes = padded(TestImages.png(), 10 * 1024 * 1024);
		byte[] tooLarge = padded(TestImages.png(), 10 * 1024 * 1024 + 1);

		assertThat(files.store(owner, FilePurpose.PROFILE_PICTURE, new ByteArrayInputStream(tenMegabytes), "big.png")
			.size()).isEqualTo(tenMegabytes.length);
		Refusal refusal = assertRefused(() -> files.store(owner, FilePurpose.PROFILE_PICTURE,
				new ByteArrayInputStream(tooLarge), "bigger.png"), "FILE_TOO_LARGE");
		assertThat(refusal.getMessage()).isEqualTo("The file is larger than 10 MB");
		assertThat(refusal.fields()).containsOnlyKeys("file");
		assertThat(files.maxSize()).isEqualTo(10 * 1024 * 1024);
	}

	@Test
	void aGuestMayStoreOnlyAProfilePicture() {
		Actor guest = user(Role.GUEST);

		assertThat(files.store(guest, FilePurpose.PROFILE_PICTURE, TestImages.gif(), "me.gif").type())
			.isEqualTo(FileType.GIF);
		assertThatThrownBy(() -> files.store(guest, FilePurpose.IDENTITY_DOCUMENT, TestImages.pdf(), "passport.pdf"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThat(audited(guest, "DENIED")).isEqualTo(1);
	}

	@Test
	void aDocumentIsFoundByItsOwnerAnAdministratorAndTheClinicOnly() {
		Actor owner = user(Role.PATIENT);
		Actor other = user(Role.PATIENT);
		Actor clinician = user(Role.CLINICIAN);
		Actor manager = user(Role.MANAGER);
		Actor admin = user(Role.ADMIN);
		StoredFile report = files.store(owner, FilePurpose.MEDICAL_DOCUMENT, TestImages.pdf(), "report.pdf");

		assertThat(files.find(owner, report.id())).isEqualTo(report);
		assertThat(files.find(admin, report.id())).isEqualTo(report);
		assertThat(files.find(user(Role.SUPERADMIN), report.id())).isEqualTo(report);
		assertThat(files.find(Actor.system(), report.id())).isEqualTo(report);
		for (Actor refused : new Actor[] { other, clinician, manager }) {
			assertThatThrownBy(() -> files.find(refused, report.id())).isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
			assertThat(audited(refused, "DENIED")).as(refused.role().name()).isEqualTo(1);
		}
		assertThatThrownBy(() -> files.find(owner, UUID.randomUUID())).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void aProfilePictureIsFoundByAnySignedInCaller() {
		Actor owner = user(Role.CLINICIAN);
		StoredFile picture = files.store(owner, FilePurpose.PROFILE_PICTURE, TestImages.jpeg(), "dr.jpg");

		assertThat(files.find(user(Role.PATIENT), picture.id())).isEqualTo(picture);
		assertThat(files.find(user(Role.GUEST), picture.id())).isEqualTo(picture);
	}

	@Test
	void signsAbsoluteLinksThatOpenTheirFileUntilTheyExpire() throws Exception {
		Actor owner = user(Role.PATIENT);
		StoredFile report = files.store(owner, FilePurpose.MEDICAL_DOCUMENT, TestImages.pdf(), "report.pdf");
		StoredFile picture = files.store(owner, FilePurpose.PROFILE_PICTURE, TestImages.png(), "me.png");

		SignedUrl link = files.url(report);
		assertThat(link.url()).matches("https://clinic\\.example/files/" + report.id()
				+ "\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}");
		assertThat(link.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
				Instant.now().plus(Duration.ofMinutes(61)));
		assertThat(files.url(picture).expiresAt()).as("a profile picture's link outlives any session")
			.isAfter(Instant.now().plus(Duration.ofDays(3649)));
		assertThat(files.url(report, Duration.ofSeconds(30)).expiresAt())
			.isBefore(Instant.now().plus(Duration.ofSeconds(32)));

		var query = query(link.url());
		try (var download = downloads.open(report.id().toString(), query[0], query[1])) {
			assertThat(download.content().readAllBytes()).isEqualTo(TestImages.pdf());
			assertThat(download.file().getContentType()).isEqualTo("application/pdf");
		}
		// the same signature for the other file, a later expiry, a changed signature: all refused alike
		assertRefused(() -> downloads.open(picture.id().toString(), query[0], query[1]), "INVALID_SIGNATURE");
		assertRefused(() -> downloads.open(report.id().toString(), String.valueOf(Long.parseLong(query[0]) + 1),
				query[1]), "INVALID_SIGNATURE");
		assertRefused(() -> downloads.open(report.id().toString(), query[0], query[1].substring(2)),
				"INVALID_SIGNATURE");
		assertRefused(() -> downloads.open(report.id().toString(), query[0], null), "INVALID_SIGNATURE");
		assertRefused(() -> downloads.open(report.id().toString().toUpperCase(), query[0], query[1]),
				"INVALID_SIGNATURE");
		assertRefused(() -> downloads.open("not-a-file", "1", "x"), "INVALID_SIGNATURE");
	}

	@Test
	void aFileWhoseBytesAreGoneIsNotFound() throws Exception {
		StoredFile file = files.store(user(Role.PATIENT), FilePurpose.PROFILE_PICTURE, TestImages.png(), "me.png");
		Files.delete(storage.resolve("profile-pictures/" + file.id() + ".png"));
		var query = query(files.url(file).url());

		assertThatThrownBy(() -> downloads.open(file.id().toString(), query[0], query[1]))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	/** {@code expires} and {@code signature} of a link. */
	static String[] query(String url) {
		String q = url.substring(url.indexOf('?') + 1);
		String expires = q.replaceAll(".*expires=([^&]*).*", "$1");
		String signature = q.replaceAll(".*signature=([^&]*).*", "$1");
		return new String[] { expires, signature };
	}

	static Refusal assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
		assertThat(thrown).isInstanceOf(Refusal.class);
		Refusal refusal = (Refusal) thrown;
		assertThat(refusal.code()).isEqualTo(code);
		return refusal;
	}

	private static byte[] padded(byte[] head, int size) {
		return Arrays.copyOf(head, size);
	}

	/** A user of the role, as identity would have made them. */
	private Actor user(Role role) {
		UUID publicId = UUID.randomUUID();
		long id = jdbc.sql("INSERT INTO users (public_id, full_name, role, created_at, updated_at) "
				+ "VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(publicId, "Files " + role, role.name())
			.update(new org.springframework.jdbc.support.GeneratedKeyHolder(), "id") > 0
				? jdbc.sql("SELECT id FROM users WHERE public_id = ?").param(publicId).query(Long.class).single() : -1;
		return new Actor(id, publicId, role, UUID.randomUUID());
	}

	private int rows(Actor owner) {
		return jdbc.sql("SELECT COUNT(*) FROM stored_files WHERE owner_user_id = ?").param(owner.userId())
			.query(Integer.class).single();
	}

	private int audited(Actor actor, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND resource_type = 'FILE' "
				+ "AND outcome = ?").params(actor.userId(), outcome).query(Integer.class).single();
	}
}
