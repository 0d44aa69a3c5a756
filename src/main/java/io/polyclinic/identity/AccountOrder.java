package io.polyclinic.identity;

/**
 * The orders a list of accounts comes in: when they joined, their name, email address or username, or their id. Ties
 * go by id, so that pages never overlap.
 */
public enum AccountOrder {
	JOINED, NAME, EMAIL, USERNAME, ID
}
