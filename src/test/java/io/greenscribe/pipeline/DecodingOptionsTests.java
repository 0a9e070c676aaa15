package io.greenscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.Segment;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.vad.SpeechWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The decoding options on their way from a job to the recognizer, and back into the transcript. */
class DecodingOptionsTests {

    private static PipelineRequest request(PipelineRequest.Decoding decoding) {
        return new PipelineRequest(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Path.of("a.wav"),
                "whisper-base",
                null,
                List.of("Zed"),
                true,
                "w1",
                decoding,
                null);
    }

    @Test
    void theJobParametersCarryTheDecodingOptionsTyped() {
        PipelineRequest sent = request(new PipelineRequest.Decoding(true, "Names: Zed, Ada.", true, true));

        var parameters = JobParams.of(sent);
        PipelineRequest read = JobParams.request(parameters);

        assertThat(read).isEqualTo(sent);
        assertThat(parameters.getParameter("translate").type()).isEqualTo(Boolean.class);
        assertThat(parameters.getParameter("wordTimestamps").type()).isEqualTo(Boolean.class);
        // not identifying: the job id alone names the instance, so a restart resumes it
        assertThat(parameters.getIdentifyingParameters()).hasSize(1);
    }

    @Test
    void theRecognizerIsAskedForTheTaskThePromptAndWordTimings() {
        RecognitionOptions options =
                RecognizeWindowsWriter.options(request(new PipelineRequest.Decoding(true, "Names: Zed.", true, false)));

        assertThat(options.translate()).isTrue();
        assertThat(options.initialPrompt()).isEqualTo("Names: Zed.");
        assertThat(options.hotwords()).containsExactly("Zed");
        assertThat(options.wordTimestamps()).isTrue();
        assertThat(RecognizeWindowsWriter.options(request(PipelineRequest.Decoding.DEFAULT))
                        .wordTimestamps())
                .isFalse();
    }

    @Test
    void perWindowDetectionGivesEachStretchOfSpeechItsOwnWindow() {
        List<SpeechWindow> plan = List.of(
                new SpeechWindow(0, List.of(new SpeechWindow.Piece(0, 100), new SpeechWindow.Piece(200, 300))),
                new SpeechWindow(1, List.of(new SpeechWindow.Piece(400, 500))));

        List<SpeechWindow> split = DetectSpeechStep.onePiecePerWindow(plan);

        assertThat(split).extracting(SpeechWindow::index).containsExactly(0, 1, 2);
        assertThat(split).allMatch(w -> w.pieces().size() == 1);
        assertThat(split.get(1).pieces().get(0).startSample()).isEqualTo(200);
    }

    @Test
    void eachSegmentKeepsItsWindowsLanguageOnlyWhenDetectedPerWindow() {
        List<RecognizedWindow> windows = List.of(
                new RecognizedWindow(0, "en", false, List.of(new Segment(0, 2, " Hello there.", 0, 0, 0))),
                new RecognizedWindow(1, "zh", false, List.of(new Segment(3, 5, "你好", 0, 0, 0))),
                new RecognizedWindow(2, "zh", false, List.of(new Segment(6, 8, "再见", 0, 0, 0))));

        TranscriptDocument perWindow =
                AssembleStep.document(windows, request(new PipelineRequest.Decoding(false, null, false, true)), 9);
        TranscriptDocument plain = AssembleStep.document(windows, request(PipelineRequest.Decoding.DEFAULT), 9);
        TranscriptDocument translated =
                AssembleStep.document(windows, request(new PipelineRequest.Decoding(true, null, false, true)), 9);

        assertThat(perWindow.segments()).extracting(s -> s.language()).containsExactly("en", "zh", "zh");
        assertThat(perWindow.language()).isEqualTo("zh");
        assertThat(plain.segments()).extracting(s -> s.language()).containsOnlyNulls();
        // a translation is English text, whatever the windows were spoken in
        assertThat(translated.language()).isEqualTo("en");
        assertThat(translated.segments()).extracting(s -> s.language()).containsOnlyNulls();
    }
}
