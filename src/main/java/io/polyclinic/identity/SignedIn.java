package io.polyclinic.identity;

/**
 * A successful sign-in: who signed in and their tokens.
 */
public record SignedIn(Account account, Tokens tokens) {
}
