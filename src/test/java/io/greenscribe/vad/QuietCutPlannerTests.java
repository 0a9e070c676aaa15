package io.greenscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.audio.PcmAudio;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuietCutPlannerTests {

    private static final int SR = PcmAudio.SAMPLE_RATE;

    @Test
    void cutsAtTheQuietestMomentNear30SecondsNotAt30() {
        // given 70 s of loud noise with one quiet 200 ms at 24 s and another at 51 s
        float[] samples = new float[70 * SR];
        Random random = new Random(1);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (random.nextGaussian() * 0.1);
        }
        for (double quiet : new double[] {24, 51}) {
            for (int i = (int) (quiet * SR); i < (int) ((quiet + 0.2) * SR); i++) {
                samples[i] *= 0.01f;
            }
        }

        // when
        SpeechPlan plan = new QuietCutPlanner(30).plan(new PcmAudio(samples));

        // then the windows meet inside the quiet moments and cover the whole audio
        assertThat(plan.windows()).hasSize(3);
        assertThat(plan.windows().get(0).endSeconds()).isBetween(24.0, 24.2);
        assertThat(plan.windows().get(1).endSeconds()).isBetween(51.0, 51.2);
        assertThat(plan.windows().get(2).endSample()).isEqualTo(samples.length);
        assertThat(plan.skippedFraction()).isZero();
    }

    @Test
    void thePlannerForNoneIsTheSameForEveryCaller() {
        SpeechWindowPlanner none =
                SpeechWindowPlanners.open("none", java.nio.file.Path.of("models"), VadOptions.defaults());

        assertThat(none).isInstanceOf(QuietCutPlanner.class);
        assertThat(none.plan(new PcmAudio(new float[5 * SR])).windows())
                .containsExactly(new SpeechWindow(0, 0, 5 * SR));
    }
}
