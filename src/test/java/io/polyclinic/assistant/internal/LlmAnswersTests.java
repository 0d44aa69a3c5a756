package io.polyclinic.assistant.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.polyclinic.assistant.CompanionAction;

/**
 * The optional LLM, against a stub of an OpenAI-compatible {@code /v1/chat/completions}: it answers ordinary questions
 * with the configured model and key; a failing or silent one falls back to the built-in triage engine; a crisis never
 * reaches it.
 */
class LlmAnswersTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","model":"test-model",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"  Rest, fluids, and see a doctor if it lasts.  "},
			 "finish_reason":"stop"}]}""";

	WireMockServer llm;
	CrisisDetector detector = new CrisisDetector();

	@BeforeEach
	void start() {
		llm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		llm.start();
	}

	@AfterEach
	void stop() {
		llm.stop();
	}

	private LlmAnswers answers(String base) {
		return new LlmAnswers(new LlmProperties(base, "sk-test", "test-model", Duration.ofSeconds(5)));
	}

	@Test
	void anOrdinaryQuestionIsAnsweredByTheConfiguredModel() {
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody(COMPLETION)));
		Conversation conversation = new Conversation(detector, answers(llm.baseUrl()));

		Conversation.Turn turn = conversation.answer("I have a cold and a runny nose", true);

		assertThat(turn.reply()).isEqualTo("Rest, fluids, and see a doctor if it lasts.");
		assertThat(turn.answeredBy()).isEqualTo("LLM");
		assertThat(turn.action()).isEqualTo(CompanionAction.SELF_CARE);
		assertThat(turn.crisis()).isNull();
		llm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
			.withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
			.withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("I have a cold and a runny nose"))));
	}

	@Test
	void aBaseThatEndsInV1IsNotDoubled() {
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody(COMPLETION)));
		assertThat(answers(llm.baseUrl() + "/v1/").answer("hello")).isEqualTo("Rest, fluids, and see a doctor if it lasts.");
	}

	@Test
	void aFailingOrSilentModelFallsBackToTheBuiltInAnswer() {
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
			.withBody("{\"error\":{\"message\":\"overloaded\"}}")));
		Conversation failing = new Conversation(detector, answers(llm.baseUrl()));
		Conversation.Turn turn = failing.answer("I have a cold and a runny nose", true);
		assertThat(turn.answeredBy()).isEqualTo("TRIAGE");
		assertThat(turn.reply()).contains("fluids");

		llm.resetAll();
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody("{\"choices\":[]}")));
		assertThat(new Conversation(detector, answers(llm.baseUrl())).answer("I have a cold", true).answeredBy())
			.isEqualTo("TRIAGE");

		Conversation unreachable = new Conversation(detector, answers("http://127.0.0.1:1"));
		assertThat(unreachable.answer("I have a cold", true).answeredBy()).isEqualTo("TRIAGE");
		assertThat(new Conversation(detector, new LlmAnswers(new LlmProperties(null, null, "m", Duration.ofSeconds(1))))
			.answer("I have a cold", true).answeredBy()).isEqualTo("TRIAGE");
	}

	@Test
	void aCrisisNeverReachesTheModel() {
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody(COMPLETION)));
		Conversation conversation = new Conversation(detector, answers(llm.baseUrl()));

		Conversation.Turn turn = conversation.answer("I want to kill myself", true);

		assertThat(turn.action()).isEqualTo(CompanionAction.TRIAGE_ESCALATION);
		assertThat(turn.answeredBy()).isEqualTo("EMERGENCY");
		assertThat(turn.reply()).contains("988", "112", "911", "999");
		llm.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}
}
