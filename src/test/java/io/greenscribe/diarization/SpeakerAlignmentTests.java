package io.greenscribe.diarization;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TimedWord;
import io.greenscribe.text.TranscriptDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakerAlignmentTests {

    private static final List<SpeakerTurn> TURNS =
            List.of(new SpeakerTurn(0.0, 2.1, 1), new SpeakerTurn(2.3, 5.0, 2), new SpeakerTurn(6.0, 8.0, 1));

    @Test
    void aSegmentIsSplitBetweenWordsWhereTheSpeakerChanges() {
        // the turn boundary (2.1-2.3) falls inside " there": the word goes whole to whoever has most of it
        TimedSegment s = TimedSegment.of(
                0,
                0.0,
                3.5,
                " Hello there. Hi!",
                List.of(
                        new TimedWord(0.0, 1.0, " Hello", 0.9),
                        new TimedWord(1.0, 2.25, " there.", 0.9),
                        new TimedWord(2.6, 3.5, " Hi!", 0.9)));

        TranscriptDocument out = SpeakerAlignment.apply(doc(s), TURNS);

        assertThat(out.segments()).hasSize(2);
        assertThat(out.segments().get(0).rawText()).isEqualTo("Hello there.");
        assertThat(out.segments().get(0).speaker()).isEqualTo(1);
        assertThat(out.segments().get(0).start()).isEqualTo(0.0);
        assertThat(out.segments().get(0).end()).isEqualTo(2.25);
        assertThat(out.segments().get(1).rawText()).isEqualTo("Hi!");
        assertThat(out.segments().get(1).speaker()).isEqualTo(2);
        assertThat(out.segments().get(1).end()).isEqualTo(3.5);
        assertThat(out.segments()).extracting(TimedSegment::index).containsExactly(0, 1);
        assertThat(out.segments().get(0).words()).extracting(TimedWord::speaker).containsExactly(1, 1);
    }

    @Test
    void wordsStoredWithoutTheirLeadingSpaceAreJoinedBySpacesExceptInChinese() {
        // the pipeline stores words stripped; a split segment's text must keep its spaces
        TimedSegment s = TimedSegment.of(
                0,
                0.0,
                3.5,
                "Hello there. Hi you!",
                List.of(
                        new TimedWord(0.0, 1.0, "Hello", 0.9),
                        new TimedWord(1.0, 2.0, "there.", 0.9),
                        new TimedWord(2.6, 3.0, "Hi", 0.9),
                        new TimedWord(3.0, 3.5, "you!", 0.9)));

        TranscriptDocument out = SpeakerAlignment.apply(doc(s), TURNS);

        assertThat(out.segments()).extracting(TimedSegment::rawText).containsExactly("Hello there.", "Hi you!");
        assertThat(SpeakerAlignment.joined(
                        List.of(new TimedWord(0, 1, "你好", 0.9), new TimedWord(1, 2, "世界", 0.9)), "zh"))
                .isEqualTo("你好世界");
    }

    @Test
    void aWordInAPauseGoesToTheNearestTurn() {
        assertThat(SpeakerAlignment.speakerOf(TURNS, 5.2, 5.4)).isEqualTo(2);
        assertThat(SpeakerAlignment.speakerOf(TURNS, 5.7, 5.9)).isEqualTo(1);
    }

    @Test
    void aSegmentWithoutWordsGoesToWhoeverCoversMostOfIt() {
        TimedSegment s = TimedSegment.of(0, 1.5, 4.0, "Mostly two.", List.of());

        TranscriptDocument out = SpeakerAlignment.apply(doc(s), TURNS);

        assertThat(out.segments())
                .singleElement()
                .extracting(TimedSegment::speaker)
                .isEqualTo(2);
        assertThat(out.segments().get(0).text()).isEqualTo("Mostly two.");
    }

    @Test
    void noTurnsLeavesTheTranscriptAsItWas() {
        TranscriptDocument d = doc(TimedSegment.of(0, 0, 1, "x", List.of()));

        assertThat(SpeakerAlignment.apply(d, List.of())).isSameAs(d);
    }

    private static TranscriptDocument doc(TimedSegment s) {
        return new TranscriptDocument("en", "m", 10, List.of(s));
    }
}
