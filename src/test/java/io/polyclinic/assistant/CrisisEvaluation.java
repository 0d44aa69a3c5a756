package io.polyclinic.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.polyclinic.assistant.internal.CrisisDetector;

/**
 * The companion's labelled evaluation set (resource {@value #RESOURCE}) run through a detector: recall per class of
 * crisis and the false-alarm rate on benign statements, with what was missed and what was alarmed.
 */
public final class CrisisEvaluation {

	public static final String RESOURCE = "assistant/crisis-evaluation.tsv";

	public enum Label {
		DIRECT, INDIRECT, BENIGN
	}

	public record Statement(Label label, String language, String text) {
	}

	public record Outcome(Statement statement, CrisisDetector.@Nullable Detection detection) {

		public boolean right() {
			return (statement.label() == Label.BENIGN) == (detection == null);
		}
	}

	/** What a run found: per label, how many were right of how many, and the wrong ones. */
	public record Result(Map<Label, int[]> counts, List<Outcome> wrong, long nanos) {

		public double rate(Label label) {
			int[] c = counts.get(label);
			return c[1] == 0 ? 0 : (double) c[0] / c[1];
		}

		public double recallDirect() {
			return rate(Label.DIRECT);
		}

		public double recallIndirect() {
			return rate(Label.INDIRECT);
		}

		/** The share of benign statements alarmed. */
		public double falseAlarms() {
			return 1 - rate(Label.BENIGN);
		}

		public String report() {
			StringBuilder out = new StringBuilder();
			for (Label label : Label.values()) {
				int[] c = counts.get(label);
				out.append(String.format("%-9s %3d/%3d %s %6.1f %%%n", label, c[0], c[1],
						label == Label.BENIGN ? "quiet " : "caught", 100 * rate(label)));
			}
			out.append(String.format("false alarms %.1f %%, %d statements in %d ms%n", 100 * falseAlarms(),
					counts.values().stream().mapToInt(c -> c[1]).sum(), nanos / 1_000_000));
			for (Outcome o : wrong) {
				out.append(String.format("  %s %s [%s] %s%n", o.statement().label() == Label.BENIGN ? "ALARMED" : "MISSED ",
						o.statement().label(), o.statement().language(), o.statement().text()));
				if (o.detection() != null) {
					out.append("          ").append(o.detection()).append('\n');
				}
			}
			return out.toString();
		}
	}

	private CrisisEvaluation() {
	}

	public static List<Statement> statements() {
		InputStream in = Objects.requireNonNull(CrisisEvaluation.class.getClassLoader().getResourceAsStream(RESOURCE));
		List<Statement> out = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t");
				out.add(new Statement(Label.valueOf(cells[0]), cells[1], cells[2]));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	public static Result run(Function<String, CrisisDetector.@Nullable Detection> detector) {
		Map<Label, int[]> counts = new EnumMap<>(Label.class);
		for (Label label : Label.values()) {
			counts.put(label, new int[2]);
		}
		List<Outcome> wrong = new ArrayList<>();
		long start = System.nanoTime();
		for (Statement s : statements()) {
			Outcome o = new Outcome(s, detector.apply(s.text()));
			int[] c = counts.get(s.label());
			c[1]++;
			if (o.right()) {
				c[0]++;
			}
			else {
				wrong.add(o);
			}
		}
		return new Result(counts, wrong, System.nanoTime() - start);
	}
}
