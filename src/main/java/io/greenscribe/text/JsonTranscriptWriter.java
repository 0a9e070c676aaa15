package io.greenscribe.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON transcript. Written with the streaming generator so field order and number rounding are
 * fixed by this class, not by whatever mapper configuration the application has.
 */
final class JsonTranscriptWriter {

    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonTranscriptWriter() {}

    static void write(TranscriptDocument document, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("language", document.language());
            json.writeStringField("model", document.model());
            json.writeNumberField("duration", seconds(document.durationSeconds()));
            json.writeStringField("text", document.fullText());
            json.writeArrayFieldStart("segments");
            for (TimedSegment segment : document.segments()) {
                writeSegment(json, segment);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeSegment(JsonGenerator json, TimedSegment segment) throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", segment.index());
        json.writeNumberField("start", seconds(segment.start()));
        json.writeNumberField("end", seconds(Math.max(segment.start(), segment.end())));
        json.writeStringField("text", segment.text());
        json.writeStringField("rawText", segment.rawText());
        if (segment.language() != null) {
            json.writeStringField("language", segment.language());
        }
        if (segment.speaker() != null) {
            json.writeNumberField("speaker", segment.speaker());
        }
        json.writeArrayFieldStart("words");
        for (TimedWord word : segment.words()) {
            json.writeStartObject();
            json.writeNumberField("start", seconds(word.start()));
            json.writeNumberField("end", seconds(Math.max(word.start(), word.end())));
            json.writeStringField("word", word.word());
            // Four places tell confidences apart; more is noise that bloats every word.
            json.writeNumberField("probability", Math.round(word.probability() * 10_000) / 10_000.0);
            if (word.speaker() != null) {
                json.writeNumberField("speaker", word.speaker());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Seconds rounded to the millisecond, the precision of the subtitle formats. */
    private static double seconds(double value) {
        return Cue.millis(value) / 1000.0;
    }
}
