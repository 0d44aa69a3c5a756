/**
 * Files' workings: the storages (local directory, S3), the rows of stored files, link signing and the download
 * endpoint.
 */
@NullMarked
package io.polyclinic.files.internal;

import org.jspecify.annotations.NullMarked;
