package io.polyclinic.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements that a piece of work sends to the database — every statement, whoever sends it
 * (Hibernate, JdbcClient, Spring Modulith's event registry, the audit log), because the application's DataSource is
 * wrapped in a datasource-proxy for the tests ({@link ClinicConfiguration}). Statements are counted per thread: the
 * statements of a request are those its server thread runs from the first filter on (the session check included);
 * work handed to other threads (asynchronous event listeners after commit) is not the request's. A JDBC batch counts
 * as many statements as it has parameter sets.
 *
 * <pre>
 * Counted&lt;Http.Res&gt; list = Statements.count(http.get("/mibo/api/appointments").token(token));
 * assertThat(list.count()).as(list.toString()).isLessThanOrEqualTo(6);
 * </pre>
 */
public final class Statements {

	/** The request header that asks the server to count a request's statements under the given tag. */
	public static final String HEADER = "X-Test-Count-Statements";

	private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
	private static final Map<String, Recording> REQUESTS = new ConcurrentHashMap<>();

	private Statements() {
	}

	/** What some work answered, and the statements it ran, in order. */
	public record Counted<T>(T result, List<String> statements) {

		public int count() {
			return statements.size();
		}

		@Override
		public String toString() {
			return statements.size() + " statements:\n  " + String.join("\n  ", statements);
		}
	}

	/** Runs the work on this thread and answers the statements it ran there. */
	public static <T> Counted<T> count(Supplier<T> work) {
		Recording recording = new Recording();
		Recording outer = CURRENT.get();
		CURRENT.set(recording);
		try {
			T result = work.get();
			return new Counted<>(result, recording.statements());
		}
		finally {
			if (outer == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(outer);
			}
		}
	}

	/** Sends the request, tagged, and answers the response with the statements the server ran for it. */
	public static Counted<Http.Res> count(Http.Call call) {
		String tag = UUID.randomUUID().toString();
		Recording recording = new Recording();
		REQUESTS.put(tag, recording);
		try {
			Http.Res res = call.header(HEADER, tag).send();
			recording.awaitDone();
			return new Counted<>(res, recording.statements());
		}
		finally {
			REQUESTS.remove(tag);
		}
	}

	/** Wraps every DataSource of the context in the counting proxy. */
	static BeanPostProcessor countingDataSources() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)
						? ProxyDataSourceBuilder.create(dataSource).name(name).listener(new Listener()).build()
						: bean;
			}
		};
	}

	/** Marks the thread of a tagged request as counting, from before the security filters until the response. */
	static FilterRegistrationBean<OncePerRequestFilter> countingRequests() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String tag = request.getHeader(HEADER);
				Recording recording = tag == null ? null : REQUESTS.get(tag);
				if (recording == null) {
					chain.doFilter(request, response);
					return;
				}
				CURRENT.set(recording);
				try {
					chain.doFilter(request, response);
				}
				finally {
					CURRENT.remove();
					recording.done();
				}
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static final class Recording {

		private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
		private final CountDownLatch done = new CountDownLatch(1);

		void add(String sql) {
			statements.add(sql.replaceAll("\\s+", " ").trim());
		}

		List<String> statements() {
			synchronized (statements) {
				return List.copyOf(statements);
			}
		}

		void done() {
			done.countDown();
		}

		/** The response may reach the client a moment before the server thread leaves the filter. */
		void awaitDone() {
			try {
				if (!done.await(10, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The request was never counted: is the counting filter registered?");
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private static final class Listener implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			Recording recording = CURRENT.get();
			if (recording == null) {
				return;
			}
			for (QueryInfo query : queries) {
				int times = execution.isBatch() && !query.getParametersList().isEmpty() ? query.getParametersList().size()
						: 1;
				for (int i = 0; i < times; i++) {
					recording.add(query.getQuery());
				}
			}
		}
	}
}
