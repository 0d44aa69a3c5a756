package io.polyclinic.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.polyclinic.platform.MissingConfiguration;
import io.polyclinic.platform.PolyclinicProperties;

/** Which storage the configuration chooses, and what production mode refuses. */
class FilesConfigurationTests {

	@EnableConfigurationProperties(PolyclinicProperties.class)
	static class Platform {
	}

	@TempDir
	Path dataDir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Platform.class, FilesConfiguration.class);

	@Test
	void aLocalDirectoryUnderTheDataDirectoryByDefault() {
		runner.withPropertyValues("polyclinic.data-dir=" + dataDir).run(context -> {
			ObjectStorage storage = context.getBean(ObjectStorage.class);
			assertThat(storage).isInstanceOf(LocalDirectoryStorage.class);
			assertThat(((LocalDirectoryStorage) storage).root()).isEqualTo(dataDir.resolve("files").toAbsolutePath());
			assertThat(context.getBean(FilesProperties.class).maxSize().toMegabytes()).isEqualTo(10);
		});
		runner.withPropertyValues("polyclinic.files.dir=" + dataDir.resolve("elsewhere"))
			.run(context -> assertThat(((LocalDirectoryStorage) context.getBean(ObjectStorage.class)).root())
				.isEqualTo(dataDir.resolve("elsewhere").toAbsolutePath()));
	}

	@Test
	void anS3BucketWhenOneIsNamed() {
		runner.withPropertyValues("polyclinic.files.s3.bucket=clinic-uploads",
				"polyclinic.files.s3.endpoint=http://localhost:1", "polyclinic.files.s3.access-key=AKIDEXAMPLE",
				"polyclinic.files.s3.secret-key=secret")
			.run(context -> assertThat(context.getBean(ObjectStorage.class)).isInstanceOf(S3Storage.class));
		// application.yml maps every variable with an empty default: a blank bucket is no bucket
		runner.withPropertyValues("polyclinic.data-dir=" + dataDir, "polyclinic.files.s3.bucket=")
			.run(context -> assertThat(context.getBean(ObjectStorage.class)).isInstanceOf(LocalDirectoryStorage.class));
	}

	@Test
	void anAccessKeyWithoutItsSecretIsRefused() {
		runner.withPropertyValues("polyclinic.files.s3.bucket=clinic-uploads", "polyclinic.files.s3.access-key=AKID")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingConfiguration.class)
					.hasMessageContaining("POLYCLINIC_FILES_S3_SECRET_KEY");
			});
	}

	@Test
	void productionRefusesTheDemoOrAShortSigningSecret() {
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.data-dir=" + dataDir).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingConfiguration.class)
				.hasMessageContaining("POLYCLINIC_FILES_SIGNING_SECRET");
		});
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.data-dir=" + dataDir,
				"polyclinic.files.signing-secret=too-short")
			.run(context -> assertThat(context).hasFailed());
		runner.withPropertyValues("polyclinic.demo=false", "polyclinic.data-dir=" + dataDir,
				"polyclinic.files.signing-secret=a-production-secret-of-at-least-thirty-two-bytes")
			.run(context -> assertThat(context.getBean(UrlSigner.class)).isNotNull());
		// demo mode signs with the published default
		runner.withPropertyValues("polyclinic.data-dir=" + dataDir)
			.run(context -> assertThat(context.getBean(UrlSigner.class)).isNotNull());
	}
}
