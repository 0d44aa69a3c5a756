/**
 * Payments for appointments: provider orders and checkout verification, payment links, provider webhooks (an offline
 * provider by default, Razorpay when configured), and the payment queries the faces show.
 */
@NullMarked
package io.polyclinic.billing;

import org.jspecify.annotations.NullMarked;
