package io.polyclinic.faces.hcp;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.audit.AuditRecord.Outcome;
import io.polyclinic.audit.AuditTrail;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * The audit API (administrators only, as the audit module decides): the trail the clinic writes — reads and changes
 * of patient data, administrators' actions, and every refused attempt — filtered, searched, ordered and paged, and
 * its counts.
 */
@RestController
@RequestMapping("/api/audit")
class HcpAuditController {

	private static final Map<String, Boolean> ORDERS = Map.of("timestamp", Boolean.TRUE);

	private final AuditTrail trail;

	HcpAuditController(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * One entry, named as the original's {@code AuditLog} where it has the field ({@code actor}, {@code actor_ip},
	 * {@code action}, {@code timestamp}, {@code object_id}, {@code description}) and in the clinic's words beside it.
	 *
	 * @param actor the account that acted; null for the clinic's own processes
	 * @param patient the user id of the patient whose data it was
	 * @param objectId the resource's id when it is a number
	 */
	record Log(long id, Instant timestamp, @Nullable Long actor, @Nullable String actorUsername, String actorRole,
			@Nullable String actorIp, String action, String outcome, String resourceType, @Nullable String resourceId,
			@Nullable Long objectId, @Nullable Long patient, String description) {
	}

	record Day(String date, long count) {
	}

	record Stats(long totalLogs, Map<String, Long> byAction, Map<String, Long> byOutcome,
			Map<String, Long> byResourceType, List<Day> byDay, List<Log> recentLogs) {
	}

	@GetMapping("/logs")
	HcpReply<DrfPage<Log>> logs(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(name = "resource_type", required = false) @Nullable String resourceType,
			@RequestParam(required = false) @Nullable String entity,
			@RequestParam(name = "resource_id", required = false) @Nullable String resourceId,
			@RequestParam(name = "entity_id", required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String patient,
			@RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
			@RequestParam(name = "date_to", required = false) @Nullable String dateTo,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String ordering, PageQuery query,
			@AuthenticationPrincipal Actor caller) {
		boolean oldestFirst = !Ordering.parse("ordering", ordering, ORDERS, new Ordering<>(Boolean.TRUE, true))
			.descending();
		var filter = search(actor != null ? actor : user, actor != null ? "actor" : "user", action, outcome,
				resourceType != null ? resourceType : entity, resourceId != null ? resourceId : entityId, patient,
				dateFrom, dateTo, search, oldestFirst);
		var page = trail.search(filter, PageRequest.of(query.index(), query.size()), caller);
		return HcpReply.ok(DrfPage.of(page, query, "page", HcpAuditController::json),
				"Audit logs retrieved successfully");
	}

	/** The counts of the trail, as filtered like the logs. */
	@GetMapping("/stats")
	HcpReply<Stats> stats(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(name = "resource_type", required = false) @Nullable String resourceType,
			@RequestParam(required = false) @Nullable String entity,
			@RequestParam(name = "resource_id", required = false) @Nullable String resourceId,
			@RequestParam(name = "entity_id", required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String patient,
			@RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
			@RequestParam(name = "date_to", required = false) @Nullable String dateTo,
			@RequestParam(required = false) @Nullable String search, @AuthenticationPrincipal Actor caller) {
		var filter = search(actor != null ? actor : user, actor != null ? "actor" : "user", action, outcome,
				resourceType != null ? resourceType : entity, resourceId != null ? resourceId : entityId, patient,
				dateFrom, dateTo, search, false);
		var stats = trail.stats(filter, caller);
		Map<String, Long> byAction = new LinkedHashMap<>();
		stats.byAction().forEach((a, n) -> byAction.merge(lower(a), n, Long::sum));
		Map<String, Long> byOutcome = new LinkedHashMap<>();
		stats.byOutcome().forEach((o, n) -> byOutcome.put(lower(o.name()), n));
		Map<String, Long> byResource = new LinkedHashMap<>();
		stats.byResourceType().forEach((r, n) -> byResource.merge(lower(r), n, Long::sum));
		List<Day> byDay = stats.byDay().entrySet().stream()
			.map(e -> new Day(LocalFormats.date(e.getKey()), e.getValue())).toList();
		return HcpReply.ok(new Stats(stats.total(), byAction, byOutcome, byResource, byDay,
				stats.recent().stream().map(HcpAuditController::json).toList()),
				"Audit statistics retrieved successfully");
	}

	private static AuditTrail.Search search(@Nullable String actor, String actorField, @Nullable String action,
			@Nullable String outcome, @Nullable String resourceType, @Nullable String resourceId,
			@Nullable String patient, @Nullable String dateFrom, @Nullable String dateTo, @Nullable String search,
			boolean oldestFirst) {
		Instant from = moment("date_from", dateFrom, false);
		Instant to = moment("date_to", dateTo, true);
		return new AuditTrail.Search(number(actorField, actor), blankToNull(action), outcome(outcome),
				blankToNull(resourceType), blankToNull(resourceId), number("patient", patient), from, to,
				blankToNull(search), oldestFirst);
	}

	static Log json(AuditTrail.Entry e) {
		return new Log(e.id(), LocalFormats.instant(e.occurredAt()), e.actorUserId(), e.actorUsername(),
				role(e.actorRole()), e.clientAddress(), lower(e.action()), lower(e.outcome().name()),
				lower(e.resourceType()), e.resourceId(), objectId(e.resourceId()), e.patientUserId(),
				e.detail() == null ? "" : e.detail());
	}

	/** hcp's role names for a role the trail wrote; {@code system} for the clinic's own processes. */
	private static String role(@Nullable String role) {
		if (role == null || role.isBlank()) {
			return "";
		}
		try {
			return HcpUsers.role(Role.valueOf(role));
		}
		catch (IllegalArgumentException e) {
			return lower(role);
		}
	}

	private static @Nullable Long objectId(@Nullable String resourceId) {
		if (resourceId == null || !resourceId.matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(resourceId);
	}

	private static Outcome outcome(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "success" -> Outcome.SUCCESS;
			case "denied" -> Outcome.DENIED;
			case "failed" -> Outcome.FAILED;
			default -> throw invalid("outcome",
					"Select a valid choice. " + value + " is not one of the available choices.");
		};
	}

	private static @Nullable Long number(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			throw invalid(field, "Enter a number.");
		}
	}

	/**
	 * A day (UTC: from its start, or to its end for {@code date_to}) or an exact moment with its offset.
	 *
	 * @param end whether a day means up to its end
	 */
	private static @Nullable Instant moment(String field, @Nullable String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return HcpFilters.moment(value, end);
		}
		catch (DateTimeParseException e) {
			throw invalid(field, "Enter a valid date.");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	private static Refusal invalid(String field, String problem) {
		return new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", Map.of(field, problem));
	}
}
