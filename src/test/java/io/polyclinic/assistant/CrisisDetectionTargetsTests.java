package io.polyclinic.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.polyclinic.assistant.internal.CrisisDetector;

/**
 * The crisis detector meets its targets on the labelled evaluation set: every direct crisis caught, at least 95 % of
 * indirect ones, at most 5 % of benign statements alarmed. (The benchmark {@code CrisisDetectionBenchmark} prints the
 * same figures.)
 */
class CrisisDetectionTargetsTests {

	@Test
	void meetsTheTargetsOnTheEvaluationSet() {
		CrisisDetector detector = new CrisisDetector();
		CrisisEvaluation.Result result = CrisisEvaluation.run(detector::detect);
		System.out.print(result.report());

		assertThat(CrisisEvaluation.statements()).hasSizeGreaterThanOrEqualTo(150);
		assertThat(result.recallDirect()).as(result.report()).isEqualTo(1.0);
		assertThat(result.recallIndirect()).as(result.report()).isGreaterThanOrEqualTo(0.95);
		assertThat(result.falseAlarms()).as(result.report()).isLessThanOrEqualTo(0.05);
	}
}
