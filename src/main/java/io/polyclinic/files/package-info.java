/**
 * Files: uploads (profile pictures, medical and identity documents) kept in a local directory or an S3-compatible
 * bucket, judged by content and size, and served through signed download links that expire.
 *
 * <p>The API is {@link io.polyclinic.files.FileStore}; what an upload is for is a
 * {@link io.polyclinic.files.FilePurpose}. Files depends on platform and audit only; the download endpoint
 * ({@code GET /files/{id}}) belongs to the application, outside every face.
 */
@NullMarked
package io.polyclinic.files;

import org.jspecify.annotations.NullMarked;
