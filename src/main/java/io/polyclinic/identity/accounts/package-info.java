/**
 * Account keeping — opening, changing, closing and finding the accounts behind people — for the module that decides
 * who may do so (directory, which knows patients, clinicians, staff and their centres). A named interface of its own,
 * so that no face can change an account around directory's rules: ModularityTests refuses any other user.
 */
@NullMarked
@NamedInterface("accounts")
package io.polyclinic.identity.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
