package io.greenscribe.audio.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FfmpegErrorsTests {

    @Test
    void writesLimitsTheWayPeopleSayThem() {
        assertThat(FfmpegErrors.duration(Duration.ofHours(6))).isEqualTo("6 h");
        assertThat(FfmpegErrors.duration(Duration.ofSeconds(150))).isEqualTo("2 min 30 s");
        assertThat(FfmpegErrors.duration(Duration.ofMinutes(61))).isEqualTo("1 h 1 min");
        assertThat(FfmpegErrors.duration(Duration.ZERO)).isEqualTo("0 s");
    }

    @Test
    void describesFfmpegErrorCodes() {
        assertThat(FfmpegErrors.describe(-2)).isEqualTo("No such file or directory");
    }
}
