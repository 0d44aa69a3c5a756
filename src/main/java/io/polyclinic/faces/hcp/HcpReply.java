package io.polyclinic.faces.hcp;

/**
 * hcp.md's success body: what was asked for in {@code data}, a sentence in {@code message}, and
 * {@code "status": "success"}. A list's data is a {@link io.polyclinic.faces.DrfPage}.
 */
record HcpReply<T>(T data, String message, String status) {

	static <T> HcpReply<T> ok(T data, String message) {
		return new HcpReply<>(data, message, "success");
	}
}
