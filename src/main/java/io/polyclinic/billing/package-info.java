/**
 * Billing: payments for appointments, refunds, and the providers that move the money — several configured at once
 * (an offline provider by default, Razorpay when configured; Stripe with the faces that need it), each checking and
 * reading its own webhooks.
 *
 * <p>The API: {@link io.polyclinic.billing.PaymentProviders} (which providers, a face's choice),
 * {@link io.polyclinic.billing.Checkout} (orders and their verification), {@link io.polyclinic.billing.PaymentLinks}
 * (links sent to a phone), {@link io.polyclinic.billing.Webhooks}, {@link io.polyclinic.billing.Refunds},
 * {@link io.polyclinic.billing.PaymentQueries} (what faces show, scoped and paged in SQL), and
 * {@link io.polyclinic.billing.AppointmentCharges} (booking and charging in one transaction),
 * {@link io.polyclinic.billing.Transactions} and {@link io.polyclinic.billing.RefundQueries} (payments and refunds with
 * their people, as lists show them), {@link io.polyclinic.billing.Payouts} (paying clinicians their share, once per
 * payment) and {@link io.polyclinic.billing.Earnings} (what a clinician earned). Billing implements
 * scheduling's {@code PaymentStandings} (the rule "where an appointment's payment stands") and confirms an appointment
 * once it is paid — or gives the money back when the appointment was cancelled. Its events
 * ({@link io.polyclinic.billing.PaymentSucceeded}, {@link io.polyclinic.billing.PaymentFailed},
 * {@link io.polyclinic.billing.PaymentRefunded}) are what notify and analytics listen to; a new link reaches the
 * customer through {@link io.polyclinic.billing.PaymentLinkDelivery}, which notify implements. Billing depends on
 * scheduling, directory, audit and platform — never on notify.
 *
 * <p>Who may do what is decided here, on top of scheduling's "who may see this appointment": the patient and staff
 * who reach the appointment pay and read its payment; staff who reach it send links and refund; its clinician sees
 * only where its payment stands — and, as a transaction, what it paid. Payouts are the business of administrators and
 * managers; a clinician reads their own earnings. A patient's own record comes from the caller.
 */
@NullMarked
package io.polyclinic.billing;

import org.jspecify.annotations.NullMarked;
