package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.GreenScribeException;
import org.junit.jupiter.api.Test;

/** The speaker counts a submission may ask for (a refusal is a 400 with this message). */
class DiarizationOptionsTests {

    @Test
    void countsWithinRangeAreAccepted() {
        assertThatCode(() -> JobOptionsValidator.checkDiarization(JobOptions.Diarization.ESTIMATED))
                .doesNotThrowAnyException();
        assertThatCode(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(20, null, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(null, 2, 2)))
                .doesNotThrowAnyException();
        assertThatCode(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(3, 2, 5)))
                .doesNotThrowAnyException();
    }

    @Test
    void countsOutsideOneToTwentyAreRefused() {
        assertThatThrownBy(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(0, null, null)))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("between 1 and 20");
        assertThatThrownBy(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(null, null, 21)))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("got 21");
    }

    @Test
    void minAboveMaxIsRefused() {
        assertThatThrownBy(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(null, 5, 3)))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("minSpeakers (5) is above maxSpeakers (3)");
    }

    @Test
    void aCountOutsideItsOwnBoundsIsRefused() {
        assertThatThrownBy(() -> JobOptionsValidator.checkDiarization(new JobOptions.Diarization(6, 1, 4)))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("outside");
    }
}
