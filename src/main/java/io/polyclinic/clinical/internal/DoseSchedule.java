package io.polyclinic.clinical.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * When a medicine is taken, read from the words a prescriber writes: its times of day, every how many days, and for
 * how many days. Meals anchor the day (breakfast 08:00, lunch 13:00, dinner 20:00): "before food" moves each dose half
 * an hour earlier, "after food" half an hour later; "at night" is 21:00. "Every N hours" spreads doses from 06:00.
 * The Indian shorthand "1-0-1" (morning, afternoon, night) is read too. A medicine taken only when needed ("SOS",
 * "as needed") has no times; a frequency no rule reads is once a day at 09:00, since a reminder is better than none.
 *
 * @param times the times of day, earliest first; empty for a medicine taken only when needed
 * @param everyDays 1 for every day, 2 for every other day, 7 for weekly
 */
public record DoseSchedule(List<LocalTime> times, int everyDays) {

	static final LocalTime BREAKFAST = LocalTime.of(8, 0);
	static final LocalTime LUNCH = LocalTime.of(13, 0);
	static final LocalTime DINNER = LocalTime.of(20, 0);
	static final LocalTime NIGHT = LocalTime.of(21, 0);
	static final LocalTime UNREAD = LocalTime.of(9, 0);

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
			Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
			Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
			Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30));
	private static final String NUMBER = "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
			+ "|fourteen|fifteen|twenty|thirty)";
	private static final Pattern SHORTHAND = Pattern.compile("\\b([0-2½])\\s*-\\s*([0-2½])\\s*-\\s*([0-2½])"
			+ "(?:\\s*-\\s*([0-2½]))?\\b");
	private static final Pattern EVERY_HOURS = Pattern.compile("(?:every|each|q)\\s*" + NUMBER
			+ "\\s*(?:h|hr|hrs|hours?)\\b");
	private static final Pattern TIMES_A_DAY = Pattern.compile(NUMBER
			+ "\\s*(?:x|times?)\\s*(?:a|per|/|in a)?\\s*(?:day|daily)");
	private static final Pattern COURSE = Pattern.compile(NUMBER + "\\s*-?\\s*(days?|d|weeks?|wks?|w|months?|mo)\\b");

	public DoseSchedule {
		times = List.copyOf(new TreeSet<>(times));
	}

	/** Whether the medicine is taken only when needed: there is nothing to remind of. */
	public boolean asNeeded() {
		return times.isEmpty();
	}

	/** The schedule a frequency (and the medicine's instructions, which may say "after food") describes. */
	public static DoseSchedule of(@Nullable String frequency, @Nullable String instructions) {
		String text = ((frequency == null ? "" : frequency) + " " + (instructions == null ? "" : instructions))
			.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
		String words = " " + text.replaceAll("[^a-z0-9½ /-]", " ").replaceAll("\\s+", " ") + " ";
		int everyDays = words.matches(".*\\b(weekly|once a week|every week|per week|once weekly)\\b.*") ? 7
				: words.matches(".*\\b(alternate days?|every other day|every 2 days|every second day|qod)\\b.*") ? 2
						: 1;
		if (words.matches(".*\\b(sos|prn|as needed|as required|when needed|if needed|when required|on demand)\\b.*")
				&& !words.matches(".*\\b(daily|a day|per day|times|twice|thrice|once)\\b.*")) {
			return new DoseSchedule(List.of(), 1);
		}
		int meal = words.matches(".*\\b(before (food|meals?|breakfast|lunch|dinner)|empty stomach|ac)\\b.*") ? -30
				: words.matches(".*\\b(after (food|meals?|breakfast|lunch|dinner)|with (food|meals?)|pc)\\b.*") ? 30
						: 0;
		Matcher shorthand = SHORTHAND.matcher(text);
		if (shorthand.find()) {
			List<LocalTime> times = new ArrayList<>();
			boolean four = shorthand.group(4) != null;
			LocalTime[] slots = four ? new LocalTime[] { BREAKFAST, LUNCH, LocalTime.of(17, 0), NIGHT }
					: new LocalTime[] { BREAKFAST, LUNCH, DINNER };
			for (int i = 0; i < slots.length; i++) {
				if (!shorthand.group(i + 1).equals("0")) {
					times.add(slots[i].plusMinutes(meal));
				}
			}
			if (!times.isEmpty()) {
				return new DoseSchedule(times, everyDays);
			}
		}
		Matcher hours = EVERY_HOURS.matcher(words);
		if (hours.find()) {
			int every = number(hours.group(1));
			if (every >= 1 && every < 24 && 24 % every == 0 && every != 12) {
				List<LocalTime> times = new ArrayList<>();
				for (int hour = 6; hour < 30; hour += every) {
					times.add(LocalTime.of(hour % 24, 0));
				}
				return new DoseSchedule(times, everyDays);
			}
			if (every == 12) {
				return meals(2, meal, everyDays);
			}
			if (every == 24) {
				return meals(1, meal, everyDays);
			}
		}
		Matcher perDay = TIMES_A_DAY.matcher(words);
		if (perDay.find()) {
			return meals(number(perDay.group(1)), meal, everyDays);
		}
		if (words.matches(".*\\b(four times|qid|qds)\\b.*")) {
			return meals(4, meal, everyDays);
		}
		if (words.matches(".*\\b(thrice|three times|tid|tds)\\b.*")) {
			return meals(3, meal, everyDays);
		}
		if (words.matches(".*\\b(twice|two times|bid|bd|morning and (night|evening))\\b.*")) {
			return meals(2, meal, everyDays);
		}
		if (words.matches(".*\\b(at night|night|bedtime|bed time|hs|before sleep|before bed)\\b.*")) {
			return new DoseSchedule(List.of(NIGHT), everyDays);
		}
		if (words.matches(".*\\b(evening)\\b.*")) {
			return new DoseSchedule(List.of(LocalTime.of(18, 0).plusMinutes(meal)), everyDays);
		}
		if (words.matches(
				".*\\b(once|daily|od|qd|a day|per day|every day|morning|weekly|alternate|every other day)\\b.*")) {
			return meals(1, meal, everyDays);
		}
		return new DoseSchedule(List.of(UNREAD), everyDays);
	}

	/**
	 * How many days a course lasts, from a duration ("5 days", "2 weeks", "1 month", "ten days"); empty for one that
	 * names no length ("ongoing", "until further notice"), which lasts as long as the prescription is valid.
	 */
	public static OptionalInt courseDays(@Nullable String duration) {
		if (duration == null) {
			return OptionalInt.empty();
		}
		Matcher m = COURSE.matcher(duration.toLowerCase(Locale.ROOT));
		if (!m.find()) {
			return OptionalInt.empty();
		}
		int n = number(m.group(1));
		String unit = m.group(2);
		int days = unit.startsWith("w") ? n * 7 : unit.startsWith("mo") ? n * 30 : n;
		return days < 1 ? OptionalInt.empty() : OptionalInt.of(days);
	}

	/** One to six doses a day around the meals; more are spread from 06:00. */
	private static DoseSchedule meals(int perDay, int meal, int everyDays) {
		List<LocalTime> times = switch (perDay) {
			case 1 -> List.of(BREAKFAST);
			case 2 -> List.of(BREAKFAST, DINNER);
			case 3 -> List.of(BREAKFAST, LUNCH, DINNER);
			case 4 -> List.of(BREAKFAST, LUNCH, LocalTime.of(17, 0), DINNER);
			default -> {
				List<LocalTime> spread = new ArrayList<>();
				int every = Math.max(1, 16 / Math.max(1, perDay - 1));
				for (int i = 0; i < Math.min(perDay, 24); i++) {
					spread.add(LocalTime.of((6 + i * every) % 24, 0));
				}
				yield spread;
			}
		};
		if (perDay <= 4 && meal != 0) {
			times = times.stream().map(t -> t.plusMinutes(meal)).toList();
		}
		return new DoseSchedule(times, everyDays);
	}

	private static int number(String word) {
		Integer named = NUMBERS.get(word);
		return named != null ? named : Integer.parseInt(word);
	}
}
