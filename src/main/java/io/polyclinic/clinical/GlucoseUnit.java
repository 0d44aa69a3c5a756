package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.util.Optional;

/** The unit a glucose reading is logged in. Every figure the clinic computes is in mg/dL. */
public enum GlucoseUnit {

	MG_DL("mg/dL", BigDecimal.ONE), MMOL_L("mmol/L", new BigDecimal("18.016"));

	private final String label;
	private final BigDecimal toMgPerDl;

	GlucoseUnit(String label, BigDecimal toMgPerDl) {
		this.label = label;
		this.toMgPerDl = toMgPerDl;
	}

	/** As it is written: {@code mg/dL}, {@code mmol/L}. */
	public String label() {
		return label;
	}

	/** The reading in mg/dL, exactly (mmol/L × 18.016). */
	public BigDecimal toMgPerDl(BigDecimal value) {
		return value.multiply(toMgPerDl);
	}

	/** The unit written exactly as {@link #label()} writes it. */
	public static Optional<GlucoseUnit> of(String label) {
		for (GlucoseUnit unit : values()) {
			if (unit.label.equals(label)) {
				return Optional.of(unit);
			}
		}
		return Optional.empty();
	}
}
