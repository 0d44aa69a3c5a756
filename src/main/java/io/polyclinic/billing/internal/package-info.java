/**
 * The billing module's private parts: stored payments and links, the payment gateways and their signatures.
 */
@NullMarked
package io.polyclinic.billing.internal;

import org.jspecify.annotations.NullMarked;
