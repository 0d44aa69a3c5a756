package io.polyclinic.faces.snaky;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A record of the snake_case test face; {@code totalPages} keeps its explicit name. */
public record SnakyRecord(long patientId, String fullName, @JsonProperty("totalPages") long totalPages) {
}
