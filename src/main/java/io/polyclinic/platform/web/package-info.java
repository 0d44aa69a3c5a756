/**
 * The web layer every face shares: mounting faces under their prefixes, rendering every failure in the face's shape
 * (handlers, the servlet container, Tomcat's own refusals), checking the caller and their role before a handler reads
 * the request, strict numbers, CORS, request-size limits.
 */
@NullMarked
package io.polyclinic.platform.web;

import org.jspecify.annotations.NullMarked;
