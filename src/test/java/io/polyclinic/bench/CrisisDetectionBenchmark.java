package io.polyclinic.bench;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.polyclinic.assistant.CrisisEvaluation;
import io.polyclinic.assistant.internal.CrisisDetector;

/**
 * Prints how the care companion's crisis detector does on its labelled evaluation set: recall of direct and of
 * indirect crises, the false-alarm rate on benign statements (look-alikes, negations, ordinary questions, five
 * languages), which layer caught what, what was missed or alarmed, and how long a statement takes once the model is
 * loaded. Not part of the suite (tag {@code benchmark}; {@code CrisisDetectionTargetsTests} asserts the targets); run
 * it with {@code ./mvnw test -Dtest=CrisisDetectionBenchmark -Dpolyclinic.excluded-groups=none}.
 */
@Tag("benchmark")
class CrisisDetectionBenchmark {

	@Test
	void crisisDetectionOnTheEvaluationSet() {
		CrisisDetector detector = new CrisisDetector();
		long load = System.nanoTime();
		detector.warmUp();
		long loaded = System.nanoTime() - load;

		Map<CrisisDetector.Layer, Integer> byLayer = new EnumMap<>(CrisisDetector.Layer.class);
		CrisisEvaluation.Result result = CrisisEvaluation.run(text -> {
			CrisisDetector.Detection d = detector.detect(text);
			if (d != null) {
				byLayer.merge(d.layer(), 1, Integer::sum);
			}
			return d;
		});
		int statements = CrisisEvaluation.statements().size();

		System.out.printf("%nCrisis detection on %d labelled statements (%s)%n", statements, CrisisEvaluation.RESOURCE);
		System.out.printf("recall direct   %6.1f %%  (target 100 %%)%n", 100 * result.recallDirect());
		System.out.printf("recall indirect %6.1f %%  (target >= 95 %%)%n", 100 * result.recallIndirect());
		System.out.printf("false alarms    %6.1f %%  (target <= 5 %%)%n", 100 * result.falseAlarms());
		System.out.printf("alarms by layer %s%n", byLayer);
		System.out.printf("model load %d ms; %.1f ms per statement%n", loaded / 1_000_000,
				result.nanos() / 1e6 / statements);
		System.out.print(result.report());
	}
}
