package io.polyclinic.files.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.platform.PublicEndpoint;

/**
 * {@code GET /files/{id}?expires=…&signature=…}: the bytes of one stored file, for whoever holds a good link to it
 * (the link is the permission, so no token is asked for). Outside every face: a refused link is answered in the
 * application's neutral error shape. Images are shown inline; a PDF is downloaded, never rendered in our origin.
 */
@RestController
@PublicEndpoint
class FileDownloadController {

	/** How long a browser may keep a file: the link's own life, at most a day. */
	private static final long MAX_CACHE_SECONDS = Duration.ofDays(1).toSeconds();

	private final FileDownloads downloads;

	FileDownloadController(FileDownloads downloads) {
		this.downloads = downloads;
	}

	@GetMapping("/files/{id}")
	ResponseEntity<Resource> download(@PathVariable String id, @RequestParam(required = false) @Nullable String expires,
			@RequestParam(required = false) @Nullable String signature) {
		FileDownloads.Download download = downloads.open(id, expires, signature);
		FileRecord file = download.file();
		String name = file.getOriginalName() != null ? file.getOriginalName()
				: file.getPublicId() + "." + file.getType().extension();
		ContentDisposition disposition = (file.getType().isImage() ? ContentDisposition.inline()
				: ContentDisposition.attachment()).filename(name, StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.getContentType()))
			.contentLength(file.getSize())
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(Math.max(0, Math.min(download.secondsLeft(),
					MAX_CACHE_SECONDS)))).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(new InputStreamResource(download.content()));
	}
}
