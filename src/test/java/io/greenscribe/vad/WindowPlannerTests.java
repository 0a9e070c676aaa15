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

/** 200 ms of padding, a 1 s pause ends a segment, windows of at most 30 s. */
class WindowPlannerTests {

    static final int SR = PcmAudio.SAMPLE_RATE;

    final WindowPlanner planner = new WindowPlanner(new VadOptions(0.5, 1000, 250, 200, 30));

    @Test
    void joinsSpeechIntoOneWindowAndCutsThePausesOut() {
        // given three utterances within 20 s, 2.5 s and 3 s apart
        List<SpeechSegment> speech = List.of(at(2, 6), at(8.5, 12), at(15, 20));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(60));

        // then one window of three padded pieces: 0.4 s of each pause is read, the rest skipped
        assertThat(plan.windows())
                .containsExactly(new SpeechWindow(0, List.of(piece(1.8, 6.2), piece(8.3, 12.2), piece(14.8, 20.2))));
        assertThat(plan.windows().get(0).durationSeconds()).isCloseTo(13.7, within(1e-3));
        assertThat(plan.skippedFraction()).isCloseTo(1 - 13.7 / 60, within(1e-6));
    }

    @Test
    void keepsAPauseWhoseTwoPaddingsMeetInsideOnePiece() {
        // given two utterances 0.3 s apart (a forced cut of the detector, or a short breath)
        List<SpeechSegment> speech = List.of(at(1, 5), at(5.3, 9));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(10));

        // then the pause stays in: one piece
        assertThat(plan.windows()).containsExactly(new SpeechWindow(0, List.of(piece(0.8, 9.2))));
    }

    @Test
    void fillsWindowsWithUpTo30SecondsOfSpeechAndCutsBetweenThemAtTheLongestPause() {
        // given 4 utterances of 8 s with pauses of 1.5 s, 4 s and 2 s: 4 x 8.4 s does not fit one
        // window; two windows fit either side of any pause
        List<SpeechSegment> speech = List.of(at(0.5, 8.5), at(10, 18), at(22, 30), at(32, 40));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(41));

        // then the cut falls in the 4 s pause
        assertThat(plan.windows()).hasSize(2);
        assertThat(plan.windows().get(0).pieces()).containsExactly(piece(0.3, 8.7), piece(9.8, 18.2));
        assertThat(plan.windows().get(1).pieces()).containsExactly(piece(21.8, 30.2), piece(31.8, 40.2));
    }

    @Test
    void readsAsFewWindowsAsTheSpeechNeedsNotTheSpanOfTheRecording() {
        // given ten 2.5 s utterances, each after 6 s of silence: 85 s of recording
        List<SpeechSegment> speech = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            speech.add(at(6 + 8.5 * i, 8.5 + 8.5 * i));
        }

        // when
        SpeechPlan plan = planner.plan(speech, seconds(90));

        // then 29 s of padded speech: one window
        assertThat(plan.windows()).hasSize(1);
        assertThat(plan.windows().get(0).pieces()).hasSize(10);
        assertThat(plan.coveredSamples()).isEqualTo(seconds(29));
    }

    @Test
    void splitsSpeechLongerThanAWindowIntoPiecesThatFit() {
        // given 70 s of unbroken speech
        List<SpeechSegment> speech = List.of(at(5, 75));

        // when
        SpeechPlan plan = planner.plan(speech, seconds(80));

        // then three windows, none over 30 s, cover it
        assertThat(plan.windows()).hasSize(3).allSatisfy(w -> assertThat(w.durationSeconds())
                .isLessThanOrEqualTo(30));
        assertThat(plan.windows().get(0).startSample()).isEqualTo(seconds(4.8));
        assertThat(plan.windows().get(2).endSample()).isEqualTo(seconds(75.2));
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
                assertThat(window.startSample())
                        .isGreaterThanOrEqualTo(windows.get(i - 1).endSample());
            }
        }
        assertCovered(speech, plan);
    }

    private static void assertCovered(List<SpeechSegment> speech, SpeechPlan plan) {
        for (SpeechSegment segment : speech) {
            long inside = plan.windows().stream()
                    .flatMap(w -> w.pieces().stream())
                    .mapToLong(p -> Math.max(
                            0,
                            Math.min(p.endSample(), segment.endSample())
                                    - Math.max(p.startSample(), segment.startSample())))
                    .sum();
            assertThat(inside).as("speech %s inside windows", segment).isEqualTo(segment.lengthSamples());
        }
    }

    static SpeechWindow.Piece piece(double start, double end) {
        return new SpeechWindow.Piece(seconds(start), seconds(end));
    }

    static SpeechSegment at(double start, double end) {
        return new SpeechSegment(seconds(start), seconds(end));
    }

    static int seconds(double seconds) {
        return (int) Math.round(seconds * SR);
    }
}
