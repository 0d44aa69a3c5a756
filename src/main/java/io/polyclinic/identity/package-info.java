/**
 * Who a caller is: users and their roles, credentials (passwords, one-time codes), access and refresh tokens.
 *
 * <p>Signing in is for every face ({@link io.polyclinic.identity.SignIn}, {@link io.polyclinic.identity.Callers} for
 * the caller's own account); keeping accounts is not: the named interface {@code accounts}
 * ({@code identity.accounts}: opening, changing and closing accounts, sessions for a verified sign-in) is for the
 * directory, the demo clinic and tests, and ModularityTests keeps faces out of it. One-time codes leave through
 * {@link io.polyclinic.identity.OtpDelivery}, which notify implements, so identity depends on platform only.
 */
@NullMarked
package io.polyclinic.identity;

import org.jspecify.annotations.NullMarked;
