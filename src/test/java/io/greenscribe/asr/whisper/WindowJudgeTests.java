package io.greenscribe.asr.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.asr.RecognitionOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowJudgeTests {

    private final WindowJudge judge = new WindowJudge();
    private final RecognitionOptions options = RecognitionOptions.defaults();

    @Test
    void repetitionLoopsCompressWellAndNeedFallback() {
        String loop = " Thank you. Thank you. Thank you. Thank you. Thank you. Thank you. Thank you. Thank you.";
        String prose = " Mr. Quilter is the apostle of the middle classes, and we are glad to welcome his gospel.";

        assertThat(WindowJudge.compressionRatio(loop)).isGreaterThan(2.4);
        assertThat(WindowJudge.compressionRatio(prose)).isLessThan(1.5);
        assertThat(judge.needsFallback(decoded(-0.2, 0.01), loop, options)).isTrue();
        assertThat(judge.needsFallback(decoded(-0.2, 0.01), prose, options)).isFalse();
    }

    @Test
    void improbableTextNeedsFallbackUnlessTheModelExpectedSilence() {
        assertThat(judge.needsFallback(decoded(-1.5, 0.1), "words", options)).isTrue();
        assertThat(judge.needsFallback(decoded(-1.5, 0.9), "words", options)).isFalse();
    }

    @Test
    void silenceIsJudgedOnNoSpeechProbabilityAndLogProbabilityTogether() {
        assertThat(judge.isNoSpeech(decoded(-1.5, 0.9), options)).isTrue();
        assertThat(judge.isNoSpeech(decoded(-0.3, 0.9), options)).isFalse();
        assertThat(judge.isNoSpeech(decoded(-1.5, 0.1), options)).isFalse();
        assertThat(judge.isNoSpeech(new DecodedSequence(List.of(), List.of(), -0.1, 0.0, 0), options))
                .isTrue();
    }

    private static DecodedSequence decoded(double avgLogProb, double noSpeech) {
        return new DecodedSequence(List.of(1, 2, 3), List.of(-0.1, -0.1, -0.1), avgLogProb * 4, noSpeech, 0);
    }
}
