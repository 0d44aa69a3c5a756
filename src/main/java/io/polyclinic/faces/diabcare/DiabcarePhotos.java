package io.polyclinic.faces.diabcare;

import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.files.FilePurpose;
import io.polyclinic.files.FileStore;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * A {@code photoProfil} as the app sends it: a link, kept as it is, or the picture inline
 * ({@code data:image/jpeg;base64,…}), stored by the files module (type checked by content) and kept as its signed
 * link. An empty one is no picture.
 */
@Component
class DiabcarePhotos {

	private final FileStore files;

	DiabcarePhotos(FileStore files) {
		this.files = files;
	}

	@Nullable String link(String photo, Actor owner) {
		if (photo.isBlank()) {
			return null;
		}
		if (!photo.startsWith("data:")) {
			return photo;
		}
		int comma = photo.indexOf(',');
		if (comma < 0 || !photo.substring(0, comma).endsWith(";base64")) {
			throw notAPicture();
		}
		byte[] content;
		try {
			content = Base64.getDecoder().decode(photo.substring(comma + 1));
		}
		catch (IllegalArgumentException e) {
			throw notAPicture();
		}
		return files.url(files.store(owner, FilePurpose.PROFILE_PICTURE, content, "photo")).url();
	}

	private static Refusal notAPicture() {
		return Refusal.invalidField("photoProfil", "photoProfil must be a link or a base64 data URL");
	}
}
