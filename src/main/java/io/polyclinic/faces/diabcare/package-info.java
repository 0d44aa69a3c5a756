/**
 * The DiabCare face: contracts/diabcare.md and the original NestJS backend's paths its Flutter app calls, at
 * {@code /diabcare/api/...}: camelCase JSON with French field names where the original has them, ids as opaque strings
 * (public UUIDs) in {@code _id}, {@code patientId}…, bare bodies, pages {@code {data,total,page,limit,totalPages}} by
 * {@code page} (from 1) and {@code limit} (10 unless asked, at most 100), and NestJS's error body
 * {@code {"statusCode","message","error"}}. Like the original's validation pipe, request records refuse a property
 * they do not declare.
 */
@NullMarked
@FaceConventions(naming = FaceConventions.Naming.CAMEL_CASE, pageParameter = "page", sizeParameter = "limit",
		defaultSize = 10, maxSize = 100, unknownProperties = FaceConventions.UnknownProperties.REFUSE)
package io.polyclinic.faces.diabcare;

import org.jspecify.annotations.NullMarked;

import io.polyclinic.faces.FaceConventions;
