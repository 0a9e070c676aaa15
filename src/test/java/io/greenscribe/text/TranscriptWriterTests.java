package io.greenscribe.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TranscriptWriterTests {

    private final TranscriptWriter writer = new TranscriptWriter();

    @ParameterizedTest
    @EnumSource(TranscriptFormat.class)
    void writesTheGoldenFileForEachFormat(TranscriptFormat format) throws IOException {
        // given
        TranscriptDocument document = TranscriptSamples.english();

        // when
        String written = writer.write(document, format);

        // then
        assertThat(written).isEqualTo(golden("sample." + format.extension()));
    }

    @ParameterizedTest
    @EnumSource(TranscriptFormat.class)
    void writesTheSameToAStreamAsToAString(TranscriptFormat format) throws IOException {
        // given
        StringWriter out = new StringWriter();

        // when
        writer.write(TranscriptSamples.english(), format, out);

        // then
        assertThat(out.toString()).isEqualTo(writer.write(TranscriptSamples.english(), format));
    }

    @Test
    void ordersCuesByStartAndClampsNegativeTimes() {
        // given
        TranscriptDocument document = new TranscriptDocument(
                "en",
                "m",
                5,
                List.of(
                        TimedSegment.of(0, 3.0, 4.0, "later", List.of()),
                        TimedSegment.of(1, -0.2, 1.0, "earlier", List.of())));

        // when
        String srt = writer.write(document, TranscriptFormat.SRT);

        // then
        assertThat(srt).isEqualTo("""
                1
                00:00:00,000 --> 00:00:01,000
                earlier

                2
                00:00:03,000 --> 00:00:04,000
                later

                """);
    }

    @Test
    void writesOnlyTheHeaderForAnEmptyTranscript() {
        // given
        TranscriptDocument document = new TranscriptDocument("en", "m", 0, List.of());

        // when / then
        assertThat(writer.write(document, TranscriptFormat.VTT)).isEqualTo("WEBVTT\n\n");
        assertThat(writer.write(document, TranscriptFormat.SRT)).isEmpty();
        assertThat(writer.write(document, TranscriptFormat.TXT)).isEmpty();
    }

    @Test
    void jsonKeepsRawTextBesideNormalizedText() throws IOException {
        // given
        TranscriptDocument document = new TranscriptDocument(
                        "en", "m", 2, List.of(TimedSegment.of(0, 0, 2, "twenty three people", List.of())))
                .normalizedWith(text -> text.replace("twenty three", "23"));

        // when
        JsonNode json = new ObjectMapper().readTree(writer.write(document, TranscriptFormat.JSON));

        // then
        assertThat(json.at("/segments/0/text").asText()).isEqualTo("23 people");
        assertThat(json.at("/segments/0/rawText").asText()).isEqualTo("twenty three people");
        assertThat(json.at("/text").asText()).isEqualTo("23 people");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TranscriptWriterTests.class.getResourceAsStream("/text/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
