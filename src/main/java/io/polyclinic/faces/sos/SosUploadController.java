package io.polyclinic.faces.sos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.polyclinic.directory.People;
import io.polyclinic.files.FilePurpose;
import io.polyclinic.files.FileStore;
import io.polyclinic.files.StoredFile;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * {@code POST /api/v1/upload/profile-picture}: the caller's new picture, from the multipart field {@code file}. The
 * files module judges it (an image by its content, 10 MB at most) and signs its link; the link becomes the caller's
 * {@code profile_picture} through directory.
 */
@RestController
@RequestMapping("/api/v1/upload")
class SosUploadController {

	private final FileStore files;
	private final People people;

	SosUploadController(FileStore files, People people) {
		this.files = files;
		this.people = people;
	}

	record Uploaded(String message, String url) {
	}

	@PostMapping("/profile-picture")
	Uploaded profilePicture(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal Actor actor) {
		if (file == null) {
			throw Refusal.invalidField("file", "is required: send the picture as the multipart field 'file'");
		}
		StoredFile stored;
		try (InputStream content = file.getInputStream()) {
			stored = files.store(actor, FilePurpose.PROFILE_PICTURE, content, file.getOriginalFilename());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the uploaded picture", e);
		}
		String url = files.url(stored).url();
		people.changeOwnPicture(url, actor);
		return new Uploaded("Profile picture uploaded successfully", url);
	}
}
