package io.polyclinic.directory;

import io.polyclinic.identity.Account;
import io.polyclinic.identity.Tokens;

/**
 * Someone signed in by an address they proved (a code to their email or phone, or an OAuth provider's word): their
 * account as it stands after the sign-in, their tokens, and {@code newPatient} when the sign-in signed them up.
 */
public record AddressSignIn(Account account, Tokens tokens, boolean newPatient) {
}
