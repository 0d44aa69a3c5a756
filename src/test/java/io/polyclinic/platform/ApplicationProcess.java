package io.polyclinic.platform;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.polyclinic.Polyclinic;

/**
 * The application in a JVM of its own, started as an operator starts it ({@code java -cp … io.polyclinic.Polyclinic}
 * with the application's classes and dependencies, not the tests'), for what an in-process test cannot show: what a
 * start prints, and what survives the process being killed.
 */
final class ApplicationProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final Process process;
	private final Path output;
	private final int port;

	private ApplicationProcess(Process process, Path output, int port) {
		this.process = process;
		this.output = output;
		this.port = port;
	}

	/** Starts the application with these settings (environment variables, as an operator would set them). */
	static ApplicationProcess start(Path workDir, int port, List<String> environment, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-cp", applicationClasspath(), Polyclinic.class.getName()));
		command.addAll(Arrays.asList(arguments));
		Path output = Files.createTempFile(workDir, "application", ".log");
		var builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		for (String setting : environment) {
			int equals = setting.indexOf('=');
			builder.environment().put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		return new ApplicationProcess(builder.start(), output, port);
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Waits until the application answers on its port (true), or has ended without doing so (false). */
	boolean awaitReady() throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				return false;
			}
			try {
				var health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && output().contains("Polyclinic is running")) {
					return true;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The application did not start within " + START_TIMEOUT + ":\n" + output());
	}

	/** Waits for the process to end by itself and answers its exit code. */
	int awaitExit() throws InterruptedException {
		if (!process.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
			throw new IllegalStateException("The application did not end:\n" + output());
		}
		return process.exitValue();
	}

	/** SIGKILL: no shutdown hook runs, nothing is closed or flushed. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	int port() {
		return port;
	}

	String output() {
		try {
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "(output unreadable: " + e + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** The test JVM's classpath without the tests themselves: the application's classes and its libraries. */
	private static String applicationClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}
}
