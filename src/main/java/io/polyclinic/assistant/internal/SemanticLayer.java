package io.polyclinic.assistant.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.polyclinic.assistant.CrisisCategory;

/**
 * The second layer: what the red flags cannot list — a crisis said indirectly ("I've been giving my things away and
 * writing letters to everyone"). Each sentence of a question is embedded in-process by a quantized all-MiniLM-L6-v2
 * (shipped in its Maven artifact: no network, no service) and compared with a curated, versioned set of crisis and
 * non-crisis exemplars (resource {@value #EXEMPLARS}). The nearest neighbour decides, with a margin: a sentence is a
 * crisis when its closest crisis exemplar is close enough ({@link #MIN_SIMILARITY}) and closer than the closest benign
 * one by at least {@link #MARGIN} (or very close, {@link #CLOSE}, and ahead by {@link #CLOSE_MARGIN}) — so a look-alike
 * that resembles a benign exemplar about as much as a crisis one stays quiet. The same text always gets the same answer.
 *
 * <p>The model and the exemplars' embeddings are loaded once, on first use (a few seconds), and shared by every
 * thread: the ONNX session is thread-safe, and the vectors are never changed after loading.
 */
final class SemanticLayer {

	static final String EXEMPLARS = "assistant/crisis-exemplars.tsv";
	/** Cosine similarity the nearest crisis exemplar must reach. */
	static final double MIN_SIMILARITY = 0.50;
	/** How much closer the nearest crisis exemplar must be than the nearest benign one. */
	static final double MARGIN = 0.16;
	/** A crisis exemplar this close needs a smaller lead over the benign ones. */
	static final double CLOSE = 0.75;
	static final double CLOSE_MARGIN = 0.08;

	/** What the layer found: the category of the nearest crisis exemplar, and it, as evidence. */
	record Match(CrisisCategory category, String exemplar, double similarity, double benignSimilarity) {
	}

	private record Exemplar(@Nullable CrisisCategory category, String text, float[] vector) {
	}

	private record Loaded(EmbeddingModel model, String version, List<Exemplar> crisis, List<Exemplar> benign) {
	}

	private volatile @Nullable Loaded loaded;

	/** The exemplar set's version line, as interventions record it (loads the layer if it is not yet). */
	String version() {
		return load().version();
	}

	@Nullable
	Match find(String text) {
		Loaded l = load();
		Match best = null;
		for (String sentence : sentences(text)) {
			float[] v = embed(l.model(), sentence);
			Exemplar nearestCrisis = null;
			double crisis = -1;
			for (Exemplar e : l.crisis()) {
				double s = dot(v, e.vector());
				if (s > crisis) {
					crisis = s;
					nearestCrisis = e;
				}
			}
			double benign = -1;
			for (Exemplar e : l.benign()) {
				benign = Math.max(benign, dot(v, e.vector()));
			}
			boolean near = crisis >= MIN_SIMILARITY && crisis - benign >= MARGIN
					|| crisis >= CLOSE && crisis - benign >= CLOSE_MARGIN;
			if (nearestCrisis != null && near && (best == null || crisis > best.similarity())) {
				best = new Match(Objects.requireNonNull(nearestCrisis.category()), nearestCrisis.text(), crisis, benign);
			}
		}
		return best;
	}

	/** The nearest crisis and benign similarities of the whole text, for the benchmark's curiosity. */
	double[] scores(String text) {
		Loaded l = load();
		float[] v = embed(l.model(), text);
		double crisis = l.crisis().stream().mapToDouble(e -> dot(v, e.vector())).max().orElse(-1);
		double benign = l.benign().stream().mapToDouble(e -> dot(v, e.vector())).max().orElse(-1);
		return new double[] { crisis, benign };
	}

	/** The whole text, and each of its sentences when it has several (a crisis may hide in one of them). */
	static List<String> sentences(String text) {
		List<String> out = new ArrayList<>();
		out.add(text.strip());
		String[] parts = text.split("(?<=[.!?।])\\s+|\\n+");
		if (parts.length > 1) {
			for (String part : parts) {
				if (part.strip().length() > 12) {
					out.add(part.strip());
				}
			}
		}
		return out;
	}

	private Loaded load() {
		Loaded l = loaded;
		if (l == null) {
			synchronized (this) {
				l = loaded;
				if (l == null) {
					l = read(new AllMiniLmL6V2QuantizedEmbeddingModel());
					loaded = l;
				}
			}
		}
		return l;
	}

	private static Loaded read(EmbeddingModel model) {
		InputStream in = SemanticLayer.class.getClassLoader().getResourceAsStream(EXEMPLARS);
		if (in == null) {
			throw new IllegalStateException("The crisis exemplars (" + EXEMPLARS + ") are missing");
		}
		String version = null;
		List<Exemplar> crisis = new ArrayList<>();
		List<Exemplar> benign = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("# version:")) {
					version = line.substring("# version:".length()).strip();
				}
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t");
				if (cells.length != 2) {
					throw new IllegalStateException("An exemplar line is a label and a text, tab-separated: " + line);
				}
				String label = cells[0].strip();
				String text = cells[1].strip();
				if (label.equalsIgnoreCase("BENIGN")) {
					benign.add(new Exemplar(null, text, embed(model, text)));
				}
				else {
					crisis.add(new Exemplar(CrisisCategory.valueOf(label.toUpperCase(Locale.ROOT)), text,
							embed(model, text)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (version == null || crisis.isEmpty() || benign.isEmpty()) {
			throw new IllegalStateException("The crisis exemplars need a version line and both kinds of exemplar");
		}
		return new Loaded(model, version, List.copyOf(crisis), List.copyOf(benign));
	}

	private static float[] embed(EmbeddingModel model, String text) {
		float[] v = model.embed(text).content().vector();
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		float[] unit = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			unit[i] = (float) (v[i] / norm);
		}
		return unit;
	}

	private static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}
}
