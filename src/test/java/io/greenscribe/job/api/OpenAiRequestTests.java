package io.greenscribe.job.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.job.JobOptions;
import io.greenscribe.system.FieldException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class OpenAiRequestTests {

    private static MultiValueMap<String, String> form(Map<String, List<String>> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::addAll);
        return form;
    }

    @Test
    void thePromptIsAnInitialPromptAndWordGranularityAsksForWordTimings() {
        String prompt = "A reading about printing, ".repeat(20);
        OpenAiRequest r = OpenAiRequest.transcription(form(Map.of(
                "prompt", List.of(prompt),
                "response_format", List.of("verbose_json"),
                "timestamp_granularities[]", List.of("word", "segment"))));

        assertThat(r.options().prompt()).isEqualTo(prompt);
        assertThat(r.options().hotwords()).isEmpty();
        assertThat(r.options().wordTimestamps()).isTrue();
        assertThat(r.words()).isTrue();
        assertThat(r.segments()).isTrue();
        assertThat(r.options().translate()).isFalse();
    }

    @Test
    void onlyWordsLeavesSegmentsOutAndNoGranularityKeepsThem() {
        OpenAiRequest words = OpenAiRequest.transcription(
                form(Map.of("response_format", List.of("verbose_json"), "timestamp_granularities[]", List.of("word"))));
        assertThat(words.segments()).isFalse();
        OpenAiRequest plain = OpenAiRequest.transcription(form(Map.of("response_format", List.of("verbose_json"))));
        assertThat(plain.segments()).isTrue();
        assertThat(plain.words()).isFalse();
        assertThat(plain.options().wordTimestamps()).isFalse();
    }

    @Test
    void aTranslationTranslatesAndWhisper1IsTheDefaultModel() {
        OpenAiRequest r = OpenAiRequest.translation(form(Map.of("model", List.of("whisper-1"))));
        assertThat(r.options().translate()).isTrue();
        assertThat(r.options().model()).isNull();
        assertThat(r.options().language()).isNull();
        // OpenAI's translations take no language
        assertThatThrownBy(() -> OpenAiRequest.translation(form(Map.of("language", List.of("zh")))))
                .isInstanceOf(FieldException.class)
                .extracting(e -> ((FieldException) e).field())
                .isEqualTo("language");
    }

    @Test
    void fieldsAreAcceptedOrRefusedAsOpenAiDocumentsThemNamingTheField() {
        assertThat(OpenAiRequest.transcription(
                        form(Map.of("chunking_strategy", List.of("auto"), "stream", List.of("false")))))
                .isNotNull();
        assertThat(OpenAiRequest.transcription(form(Map.of(
                        "chunking_strategy[type]", List.of("server_vad"),
                        "chunking_strategy[threshold]", List.of("0.5")))))
                .isNotNull();
        assertThat(OpenAiRequest.transcription(
                        form(Map.of("chunking_strategy", List.of("{\"type\": \"server_vad\"}")))))
                .isNotNull();

        refused(Map.of("stream", List.of("true")), "stream", "not supported");
        refused(Map.of("chunking_strategy", List.of("manual")), "chunking_strategy", "auto");
        refused(Map.of("chunking_strategy[type]", List.of("fixed")), "chunking_strategy", "server_vad");
        refused(Map.of("include[]", List.of("logprobs")), "include", "not supported");
        refused(Map.of("response_format", List.of("docx")), "response_format", "verbose_json");
        refused(Map.of("timestamp_granularities[]", List.of("word")), "timestamp_granularities", "verbose_json");
        refused(
                Map.of("response_format", List.of("verbose_json"), "timestamp_granularities[]", List.of("char")),
                "timestamp_granularities",
                "char");
        refused(Map.of("temperature", List.of("1.5")), "temperature", "between 0 and 1");
        refused(Map.of("speakers", List.of("2")), "speakers", "Unknown field");
    }

    @Test
    void diarizedJsonDiarizesWithTheCountEstimatedAndKnownSpeakersAreRefused() {
        OpenAiRequest r = OpenAiRequest.transcription(form(Map.of(
                "model", List.of("gpt-4o-transcribe-diarize"),
                "response_format", List.of("diarized_json"),
                "chunking_strategy", List.of("auto"))));
        assertThat(r.format()).isEqualTo(OpenAiRequest.ResponseFormat.DIARIZED_JSON);
        assertThat(r.options().diarization()).isEqualTo(JobOptions.Diarization.ESTIMATED);
        assertThat(r.options().model()).isNull();
        assertThat(OpenAiRequest.transcription(form(Map.of("response_format", List.of("verbose_json"))))
                        .options()
                        .diarize())
                .isFalse();

        refused(
                Map.of("response_format", List.of("diarized_json"), "known_speaker_names[]", List.of("agent")),
                "known_speaker_names",
                "not supported");
        refused(
                Map.of("known_speaker_references[]", List.of("data:audio/wav;base64,AAAA")),
                "known_speaker_references",
                "not supported");
        refused(
                Map.of("response_format", List.of("diarized_json"), "timestamp_granularities[]", List.of("word")),
                "timestamp_granularities",
                "verbose_json");
        assertThatThrownBy(() -> OpenAiRequest.translation(form(Map.of("response_format", List.of("diarized_json")))))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining("not translations");
    }

    private static void refused(Map<String, List<String>> fields, String param, String says) {
        assertThatThrownBy(() -> OpenAiRequest.transcription(form(fields)))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining(says)
                .extracting(e -> ((FieldException) e).field())
                .isEqualTo(param);
    }
}
