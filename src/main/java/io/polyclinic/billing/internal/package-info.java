/**
 * The billing module's private parts: the stored payment (an aggregate that guards its transitions and registers
 * its events), links and refunds; the ledgers that change them under a row lock; the payment gateways by name, their
 * signatures and webhook parsing; the SQL read model of lists and standings; and the listener that confirms paid
 * appointments.
 */
@NullMarked
package io.polyclinic.billing.internal;

import org.jspecify.annotations.NullMarked;
