package io.polyclinic.platform;

/**
 * The application refuses to start because of its configuration: a setting it needs is missing, left at a demo value,
 * or unusable. Thrown while the application starts, it is reported as one message saying what is wrong and what to
 * set, without a stack trace. It is an {@link IllegalStateException}, so code that expects one keeps working.
 */
public class MissingConfiguration extends IllegalStateException {

	private final String problem;
	private final String action;

	/**
	 * @param problem what is wrong, in the operator's words: "Production mode needs a signing secret"
	 * @param action what to set, naming the environment variables: "Set POLYCLINIC_JWT_SECRET to …"
	 */
	public MissingConfiguration(String problem, String action) {
		super(problem + ". " + action);
		this.problem = problem;
		this.action = action;
	}

	public String problem() {
		return problem;
	}

	public String action() {
		return action;
	}
}
