/**
 * Who a caller is: users and their roles, credentials (passwords, one-time codes), access and refresh tokens.
 */
@NullMarked
package io.polyclinic.identity;

import org.jspecify.annotations.NullMarked;
