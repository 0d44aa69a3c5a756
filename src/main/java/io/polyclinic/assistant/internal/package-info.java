/** The companion's workings: the crisis detector's layers, the built-in triage engine, the LLM adapter and storage. */
@NullMarked
package io.polyclinic.assistant.internal;

import org.jspecify.annotations.NullMarked;
