package io.polyclinic.files.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The files module's settings, under {@code polyclinic.files.*}. Uploads go to a local directory ({@code dir}, by
 * default {@code files} under the data directory) unless an S3 bucket is named.
 *
 * @param signingSecret the HMAC key of download links; the demo default is refused outside demo mode
 * @param maxSize the largest upload kept
 * @param urlTtl how long a download link lasts
 * @param profilePictureUrlTtl how long a profile picture's link lasts: long, since the link is stored on the user
 */
@ConfigurationProperties("polyclinic.files")
public record FilesProperties(@DefaultValue(DEMO_SIGNING_SECRET) String signingSecret,
		@DefaultValue("10MB") DataSize maxSize, @DefaultValue("1h") Duration urlTtl,
		@DefaultValue("3650d") Duration profilePictureUrlTtl, @Nullable Path dir, @DefaultValue S3 s3) {

	public static final String DEMO_SIGNING_SECRET = "polyclinic-demo-only-file-link-secret-never-use-in-production";

	/**
	 * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …), used when {@code bucket} is set. Without an access
	 * key the SDK's default credentials chain is used (environment, profile, instance role).
	 *
	 * @param endpoint the service's URL for a store that is not AWS ({@code http://minio:9000}); empty for AWS
	 * @param prefix a key prefix inside the bucket, e.g. {@code polyclinic/}
	 * @param pathStyle address objects as {@code endpoint/bucket/key} (what most S3-compatible stores expect)
	 */
	public record S3(@Nullable String bucket, @Nullable String endpoint, @DefaultValue("us-east-1") String region,
			@Nullable String accessKey, @Nullable String secretKey, @Nullable String prefix,
			@DefaultValue("true") boolean pathStyle, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration readTimeout) {

		public boolean configured() {
			return bucket != null && !bucket.isBlank();
		}
	}
}
