/**
 * Telling people things: messages over email, SMS, WhatsApp and push, their delivery history, and the dev outbox.
 */
@NullMarked
package io.polyclinic.notify;

import org.jspecify.annotations.NullMarked;
