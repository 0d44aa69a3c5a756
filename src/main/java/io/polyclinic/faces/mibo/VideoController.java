package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.video.MeetingLink;
import io.polyclinic.video.MeetingLinks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Meeting links of online appointments: {@code /api/video}. The video module decides who may make, change, see and
 * list links, makes them with the configured provider (Google Meet, or the internal rooms) and audits every change;
 * the roles here are Mibo's table. {@code startTime}/{@code endTime} default to the appointment's own.
 */
@RestController
@RequestMapping("/api/video")
class VideoController {

	private static final String SCHEDULERS =
			"hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK')";
	private static final String MANAGERS = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')";

	private final MeetingLinks meetings;

	VideoController(MeetingLinks meetings) {
		this.meetings = meetings;
	}

	record GenerateLink(@NotNull(message = "Appointment ID is required") Long appointmentId,
			@Nullable @Size(max = 500, message = "Summary must be at most 500 characters") String summary,
			@Nullable String startTime, @Nullable String endTime) {
	}

	record NewLink(@NotBlank(message = "Meet link is required") String meetLink) {
	}

	record Generated(String meetLink, @Nullable String eventId) {
	}

	record Link(String meetLink) {
	}

	record LinkEntry(long appointmentId, String meetLink, String provider, Instant createdAt) {

		static LinkEntry of(MeetingLink l) {
			return new LinkEntry(l.appointmentId(), l.url(), l.provider(), MiboFormats.instant(l.createdAt()));
		}
	}

	@PostMapping("/generate-meet-link")
	@PreAuthorize(SCHEDULERS)
	Reply<Generated> generate(@Valid @RequestBody GenerateLink request, @AuthenticationPrincipal Actor actor) {
		Instant start = LocalFormats.optionalInstant("startTime", request.startTime());
		Instant end = LocalFormats.optionalInstant("endTime", request.endTime());
		MeetingLink link = meetings.generate(Ref.id(request.appointmentId()), request.summary(), start, end, actor);
		return Reply.of("Meet link generated successfully", new Generated(link.url(), link.eventId()));
	}

	/** Staff, the appointment's patient and its clinician; anyone else is refused (403), audited. */
	@GetMapping("/appointment/{id}/meet-link")
	Reply<Link> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return Reply.of(new Link(meetings.linkOf(Ref.id(id), actor).url()));
	}

	/** Sets a link arranged elsewhere (an https URL), replacing the appointment's link or becoming its first. */
	@PutMapping("/appointment/{id}/meet-link")
	@PreAuthorize(MANAGERS)
	Reply<Link> update(@PathVariable long id, @Valid @RequestBody NewLink request,
			@AuthenticationPrincipal Actor actor) {
		MeetingLink link = meetings.replace(Ref.id(id), request.meetLink(), actor);
		return Reply.of("Meet link updated successfully", new Link(link.url()));
	}

	@DeleteMapping("/appointment/{id}/meet-link")
	@PreAuthorize(MANAGERS)
	Reply<Void> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		meetings.remove(Ref.id(id), actor);
		return Reply.message("Meet link deleted successfully");
	}

	/**
	 * Newest first, a page at a time ({@code page} from 1, {@code limit} up to 100). {@code startDate} and
	 * {@code endDate} (YYYY-MM-DD, both inclusive) are UTC days of the link's creation.
	 */
	@GetMapping("/links")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Reply<List<LinkEntry>> links(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate,
			@RequestParam(required = false) @Nullable String provider, PageQuery page) {
		var found = meetings.createdBetween(MiboFormats.date("startDate", startDate),
				MiboFormats.date("endDate", endDate), provider == null || provider.isBlank() ? null : provider.trim(),
				page.pageable(), actor);
		return Reply.of(found.map(LinkEntry::of).getContent());
	}
}
