/**
 * The AI care companion: answers a person's health questions in stored sessions, and detects a crisis — offline and
 * deterministically, through multilingual red-flag rules and an in-process sentence-embedding model — answering it
 * with emergency guidance, recording it, and announcing it ({@link io.polyclinic.assistant.CrisisDetected}) so that
 * the patient's clinicians are told. An optional OpenAI-compatible LLM answers ordinary questions only; it never
 * decides a crisis. It depends on directory (whose patient a caller is), audit and platform.
 */
@NullMarked
package io.polyclinic.assistant;

import org.jspecify.annotations.NullMarked;
