package io.greenscribe.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Speakers in every format; a transcript without them is written as before (the golden files). */
class SpeakerFormatsTests {

    private final TranscriptWriter writer = new TranscriptWriter();

    private static TranscriptDocument meeting() {
        return new TranscriptDocument(
                "en",
                "whisper-tiny.en",
                9,
                List.of(
                        new TimedSegment(
                                0,
                                0.0,
                                2.0,
                                "Shall we start?",
                                "Shall we start?",
                                List.of(
                                        new TimedWord(0.0, 0.5, " Shall", 0.9, 1),
                                        new TimedWord(0.5, 0.9, " we", 0.9, 1),
                                        new TimedWord(0.9, 2.0, " start?", 0.8, 1)),
                                null,
                                1),
                        new TimedSegment(1, 2.5, 4.0, "Yes, go <on>.", "Yes, go <on>.", List.of(), null, 2),
                        new TimedSegment(2, 4.0, 5.0, "Right.", "Right.", List.of(), null, 2),
                        new TimedSegment(3, 5.5, 7.0, "Item one.", "Item one.", List.of(), null, 1)));
    }

    @Test
    void srtPrefixesEachCueWithItsSpeaker() {
        assertThat(writer.write(meeting(), TranscriptFormat.SRT))
                .startsWith("1\n00:00:00,000 --> 00:00:02,000\nSpeaker 1: Shall we start?\n\n"
                        + "2\n00:00:02,500 --> 00:00:04,000\nSpeaker 2: Yes, go <on>.\n\n");
    }

    @Test
    void vttUsesVoiceTagsAndStillEscapesTheText() {
        assertThat(writer.write(meeting(), TranscriptFormat.VTT))
                .startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Speaker 1>Shall we start?\n\n"
                        + "00:00:02.500 --> 00:00:04.000\n<v Speaker 2>Yes, go &lt;on&gt;.\n\n");
    }

    @Test
    void txtHasAHeaderAtEachChangeOfSpeaker() {
        assertThat(writer.write(meeting(), TranscriptFormat.TXT))
                .isEqualTo("Speaker 1:\nShall we start?\n\nSpeaker 2:\nYes, go <on>.\nRight.\n\n"
                        + "Speaker 1:\nItem one.\n");
    }

    @Test
    void jsonCarriesTheSpeakerOfEverySegmentAndWord() throws Exception {
        JsonNode json = new ObjectMapper().readTree(writer.write(meeting(), TranscriptFormat.JSON));

        assertThat(json.at("/segments/0/speaker").asInt()).isEqualTo(1);
        assertThat(json.at("/segments/1/speaker").asInt()).isEqualTo(2);
        assertThat(json.at("/segments/0/words/2/speaker").asInt()).isEqualTo(1);
    }

    @Test
    void withoutSpeakersNoSpeakerMarkupIsWritten() throws Exception {
        TranscriptDocument plain = TranscriptSamples.english();

        assertThat(writer.write(plain, TranscriptFormat.TXT)).doesNotContain("Speaker");
        assertThat(writer.write(plain, TranscriptFormat.VTT)).doesNotContain("<v ");
        assertThat(new ObjectMapper()
                        .readTree(writer.write(plain, TranscriptFormat.JSON))
                        .at("/segments/0")
                        .has("speaker"))
                .isFalse();
    }
}
