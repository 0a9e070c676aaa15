package io.greenscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class WindowPlannerTests {

    static final int SR = PcmAudio.SAMPLE_RATE;

    final WindowPlanner planner = new WindowPlanner(VadOptions.defaults());

    @Test
    void putsSpeechThatFitsIntoOneWindow() {
        // given three utterances within 20 s
        List<SpeechSegment> speech = List.of(at(2, 6), at(8.5, 12), at(15, 20));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(60));

        // then one padded window spans them all, and the rest of the hour is skipped
        assertThat(plan.windows()).containsExactly(new SpeechWindow(0, seconds(1.6), seconds(20.4)));
        assertThat(plan.skippedFraction()).isCloseTo(1 - 18.8 / 60, within(1e-6));
    }

    @Test
    void cutsAtTheLongestPauseAmongPlansWithFewestWindows() {
        // given 38 s of speech with pauses of 1 s, 4 s and 0.5 s; two windows are needed, and
        // cutting at the 1 s or at the 4 s pause both give two windows of at most 30 s
        List<SpeechSegment> speech = List.of(at(0, 8), at(9, 17), at(21, 29), at(29.5, 38));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(40));

        // then the cut falls in the 4 s pause, each side keeping its padding
        assertThat(plan.windows()).containsExactly(
                new SpeechWindow(0, 0, seconds(17.4)), new SpeechWindow(1, seconds(20.6), seconds(38.4)));
    }

    @Test
    void splitsSpeechLongerThanAWindowIntoPiecesThatFit() {
        // given 70 s of unbroken speech
        List<SpeechSegment> speech = List.of(at(5, 75));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(80));

        // then three contiguous windows, none over 30 s, cover it
        assertThat(plan.windows()).hasSize(3)
                .allSatisfy(w -> assertThat(w.durationSeconds()).isLessThanOrEqualTo(30));
        assertThat(plan.windows().get(0).startSample()).isEqualTo(seconds(4.6));
        assertThat(plan.windows().get(2).endSample()).isEqualTo(seconds(75.4));
        assertCovered(speech, plan);
    }

    @Test
    void clampsPaddingToTheAudio() {
        // given speech starting 0.1 s into a 3 s file and running to its end
        List<SpeechSegment> speech = List.of(at(0.1, 3));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(3));

        // then
        assertThat(plan.windows()).containsExactly(new SpeechWindow(0, 0, seconds(3)));
        assertThat(plan.skippedFraction()).isZero();
    }

    @Test
    void sharesPaddingAtTheMidpointWhenWindowsWouldOverlap() {
        // given two 20 s utterances 0.5 s apart: they cannot share a window, and their 0.4 s
        // paddings would overlap in the pause
        List<SpeechSegment> speech = List.of(at(1, 21), at(21.5, 41.5));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(45));

        // then
        assertThat(plan.windows()).containsExactly(
                new SpeechWindow(0, seconds(0.6), seconds(21.25)), new SpeechWindow(1, seconds(21.25), seconds(41.9)));
    }

    @Test
    void plansNothingForNoSpeech() {
        SpeechPlan plan = planner.plan(List.of(), seconds(10));

        assertThat(plan.windows()).isEmpty();
        assertThat(plan.skippedFraction()).isEqualTo(1.0);
    }

    @RepeatedTest(20)
    void keepsEveryWindowShortOrderedAndOverAllSpeech(RepetitionInfo repetition) {
        // given random (but repeatable) speech over ten minutes
        Random random = new Random(repetition.getCurrentRepetition());
        int total = seconds(600);
        List<SpeechSegment> speech = new ArrayList<>();
        int position = random.nextInt(seconds(3));
        while (true) {
            int length = random.nextInt(random.nextBoolean() ? seconds(5) : seconds(70)) + 1;
            if (position + length > total) {
                break;
            }
            speech.add(new SpeechSegment(position, position + length));
            position += length + (random.nextBoolean() ? 0 : random.nextInt(seconds(8)));
        }

        // when
        SpeechPlan plan = planner.plan(speech, total);

        // then
        List<SpeechWindow> windows = plan.windows();
        for (int i = 0; i < windows.size(); i++) {
            SpeechWindow window = windows.get(i);
            assertThat(window.index()).isEqualTo(i);
            assertThat(window.lengthSamples()).isLessThanOrEqualTo(seconds(30));
            assertThat(window.endSample()).isLessThanOrEqualTo(total);
            if (i > 0) {
                assertThat(window.startSample()).isGreaterThanOrEqualTo(windows.get(i - 1).endSample());
            }
        }
        assertCovered(speech, plan);
    }

    private static void assertCovered(List<SpeechSegment> speech, SpeechPlan plan) {
        for (SpeechSegment segment : speech) {
            long inside = plan.windows().stream()
                    .mapToLong(w -> Math.max(0, Math.min(w.endSample(), segment.endSample())
                            - Math.max(w.startSample(), segment.startSample())))
                    .sum();
            assertThat(inside).as("speech %s inside windows", segment).isEqualTo(segment.lengthSamples());
        }
    }

    static SpeechSegment at(double start, double end) {
        return new SpeechSegment(seconds(start), seconds(end));
    }

    static int seconds(double seconds) {
        return (int) Math.round(seconds * SR);
    }
}
