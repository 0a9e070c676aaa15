package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EtaTests {

    static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void beforeAnyWindowCommitsThePlanAtTheLearnedSpeedSpeaks() {
        // 174 s of audio at 2.9x real time: 60 s after the start
        Instant now = START.plusSeconds(20);
        assertThat(Eta.estimate(now, START, 174.0, 2.9, 0)).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void aRunBehindItsPlanWithNothingCommittedIsDueNowNotInThePast() {
        Instant now = START.plusSeconds(90);
        assertThat(Eta.estimate(now, START, 174.0, 2.9, 0)).isEqualTo(now);
    }

    @Test
    void aRunOnItsPlanKeepsThePlan() {
        // half the speech recognized at half the planned time: both guesses agree
        Instant now = START.plusSeconds(30);
        assertThat(Eta.estimate(now, START, 174.0, 2.9, 0.5)).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void aSlowerRunMovesTheEstimateLaterTheFurtherItIs() {
        // a quarter done after 30 s: its own pace says 120 s, the plan 60 s; weight 1/4 on its pace
        Instant now = START.plusSeconds(30);
        Instant eta = Eta.estimate(now, START, 174.0, 2.9, 0.25);
        assertThat(eta).isEqualTo(START.plusSeconds(75));

        // three quarters done after 90 s: its pace (120 s) weighs 3/4 against the plan (60 s)
        assertThat(Eta.estimate(START.plusSeconds(90), START, 174.0, 2.9, 0.75)).isEqualTo(START.plusSeconds(105));
    }

    @Test
    void allSpeechRecognizedMeansNow() {
        Instant now = START.plusSeconds(10);
        assertThat(Eta.estimate(now, START, 174.0, 2.9, 1)).isEqualTo(now);
    }

    @Test
    void noEstimateBeforeTheAudioIsDecodedOrWithoutARun() {
        assertThat(Eta.estimate(START, START, null, 2.9, 0)).isNull();
        assertThat(Eta.estimate(START, null, 174.0, 2.9, 0)).isNull();
        assertThat(Eta.estimate(START, START, 174.0, 0, 0)).isNull();
    }
}
