package io.greenscribe.job.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TranscriptDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiResponsesTests {

    @Test
    void diarizedJsonHasOpenAisShapeWithSpeakersAsLetters() {
        TranscriptDocument doc = new TranscriptDocument(
                "en",
                "whisper-tiny.en",
                12.5,
                List.of(
                        new TimedSegment(0, 0.0, 5.9, " Hello there.", " Hello there.", List.of(), null, 1),
                        new TimedSegment(1, 6.4, 12.0, " Hi.", " Hi.", List.of(), null, 2)));

        Map<String, Object> body = OpenAiResponses.diarized(doc);

        assertThat(body).containsEntry("task", "transcribe").containsEntry("duration", 12.5);
        assertThat(body).containsEntry("text", "Hello there. Hi.");
        assertThat(body).containsEntry("usage", Map.of("type", "duration", "seconds", 12.5));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> segments = (List<Map<String, Object>>) body.get("segments");
        assertThat(segments)
                .extracting(s -> s.get("speaker"), s -> s.get("type"), s -> s.get("id"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "transcript.text.segment", "seg_0"),
                        org.assertj.core.groups.Tuple.tuple("B", "transcript.text.segment", "seg_1"));
        assertThat(segments.get(1)).containsEntry("start", 6.4).containsEntry("end", 12.0);
    }

    @Test
    void speakerLabelsRunPastZAndAMissingSpeakerIsA() {
        assertThat(OpenAiResponses.speakerLabel(1)).isEqualTo("A");
        assertThat(OpenAiResponses.speakerLabel(20)).isEqualTo("T");
        assertThat(OpenAiResponses.speakerLabel(26)).isEqualTo("Z");
        assertThat(OpenAiResponses.speakerLabel(27)).isEqualTo("AA");
        assertThat(OpenAiResponses.speakerLabel(null)).isEqualTo("A");
    }
}
