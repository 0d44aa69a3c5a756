package io.polyclinic.files.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.polyclinic.platform.Refusal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3-compatible bucket, through AWS SDK v2 over the JDK's HTTP client. Path-style addressing and an
 * endpoint override serve MinIO, R2 and the like as well as AWS. Uploads are small (10 MB at most) and in memory,
 * so each is sent whole with its SHA-256 in the signature, not in aws-chunked encoding; checksums are sent and checked
 * only where S3 requires them. Both keep to what every S3-compatible store understands: several refuse the SDK's
 * newer defaults (a CRC trailer on every upload, chunked signing over plain HTTP).
 */
public class S3Storage implements ObjectStorage, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3Storage.class);

	private final S3Client client;
	private final String bucket;
	private final String prefix;

	public S3Storage(FilesProperties.S3 settings) {
		if (!settings.configured()) {
			throw new IllegalArgumentException("No bucket");
		}
		this.bucket = settings.bucket().trim();
		String p = settings.prefix() == null ? "" : settings.prefix().trim();
		this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials(settings))
			.forcePathStyle(settings.pathStyle())
			.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(settings.connectTimeout())
				.socketTimeout(settings.readTimeout()));
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint().trim()));
		}
		this.client = builder.build();
	}

	private static AwsCredentialsProvider credentials(FilesProperties.S3 settings) {
		String key = settings.accessKey();
		String secret = settings.secretKey();
		if (key != null && !key.isBlank()) {
			if (secret == null || secret.isBlank()) {
				throw new io.polyclinic.platform.MissingConfiguration(
						"S3 storage has an access key but no secret key",
						"Set POLYCLINIC_FILES_S3_SECRET_KEY, or unset POLYCLINIC_FILES_S3_ACCESS_KEY to use the AWS "
								+ "default credentials chain");
			}
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.trim(), secret.trim()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	@Override
	public String name() {
		return "s3";
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		try {
			client.putObject(r -> r.bucket(bucket).key(prefix + key).contentType(contentType)
				.contentLength((long) content.length), RequestBody.fromBytes(content));
		}
		catch (SdkException e) {
			log.error("Could not put {} into bucket {}: {}", prefix + key, bucket, e.toString());
			throw Refusal.unavailable("STORAGE_UNAVAILABLE", "The file could not be stored; try again later");
		}
	}

	@Override
	public Optional<InputStream> get(String key) {
		try {
			return Optional.of(client.getObject(GetObjectRequest.builder().bucket(bucket).key(prefix + key).build()));
		}
		catch (NoSuchKeyException e) {
			return Optional.empty();
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return Optional.empty();
			}
			log.error("Could not get {} from bucket {}: {}", prefix + key, bucket, e.toString());
			throw Refusal.unavailable("STORAGE_UNAVAILABLE", "The file could not be read; try again later");
		}
		catch (SdkException e) {
			log.error("Could not get {} from bucket {}: {}", prefix + key, bucket, e.toString());
			throw Refusal.unavailable("STORAGE_UNAVAILABLE", "The file could not be read; try again later");
		}
	}

	@Override
	public void delete(String key) {
		try {
			client.deleteObject(r -> r.bucket(bucket).key(prefix + key));
		}
		catch (SdkException e) {
			log.warn("Could not delete {} from bucket {}: {}", prefix + key, bucket, e.toString());
		}
	}

	@Override
	public void close() {
		client.close();
	}
}
