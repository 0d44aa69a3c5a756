package io.polyclinic.files.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.polyclinic.platform.MissingConfiguration;
import io.polyclinic.platform.PolyclinicProperties;

/**
 * The storage uploads go to (an S3-compatible bucket when {@code polyclinic.files.s3.bucket} is set, otherwise a
 * local directory) and the signer of download links, whose demo secret production mode refuses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

	@Bean
	ObjectStorage fileStorage(FilesProperties files, PolyclinicProperties platform) {
		return storageFor(files, platform);
	}

	@Bean
	UrlSigner fileUrlSigner(FilesProperties files, PolyclinicProperties platform) {
		return signerFor(files, platform);
	}

	static ObjectStorage storageFor(FilesProperties files, PolyclinicProperties platform) {
		if (files.s3().configured()) {
			log.info("Uploads are stored in S3 bucket {}{}", files.s3().bucket(),
					files.s3().endpoint() == null || files.s3().endpoint().isBlank() ? "" : " at " + files.s3().endpoint());
			return new S3Storage(files.s3());
		}
		Path dir = files.dir() != null ? files.dir() : platform.dataDir().resolve("files");
		return new LocalDirectoryStorage(dir);
	}

	/** Outside demo mode a default or short secret would let anyone who read the source sign links to any file. */
	static UrlSigner signerFor(FilesProperties files, PolyclinicProperties platform) {
		String secret = files.signingSecret();
		if (!platform.demo() && (FilesProperties.DEMO_SIGNING_SECRET.equals(secret)
				|| secret.getBytes(StandardCharsets.UTF_8).length < 32)) {
			throw new MissingConfiguration("Production mode (POLYCLINIC_DEMO=false) needs a secret of its own to sign "
					+ "file download links", "Set POLYCLINIC_FILES_SIGNING_SECRET to at least 32 random bytes, not the "
							+ "demo default (for example: export POLYCLINIC_FILES_SIGNING_SECRET=\"$(openssl rand -base64 48)\")");
		}
		return new UrlSigner(secret);
	}
}
