package io.greenscribe.job.api;

import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TimedWord;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A finished transcript in the OpenAI response formats. */
final class OpenAiResponses {

    private static final TranscriptWriter WRITER = new TranscriptWriter();

    private OpenAiResponses() {}

    static ResponseEntity<?> answer(TranscriptDocument doc, OpenAiRequest request) {
        return switch (request.format()) {
            case TEXT -> text(WRITER.write(doc, TranscriptFormat.TXT), MediaType.TEXT_PLAIN);
            case SRT -> text(WRITER.write(doc, TranscriptFormat.SRT), MediaType.TEXT_PLAIN);
            case VTT -> text(WRITER.write(doc, TranscriptFormat.VTT), MediaType.valueOf("text/vtt"));
            case VERBOSE_JSON -> ResponseEntity.ok(verbose(doc, request));
            case DIARIZED_JSON -> ResponseEntity.ok(diarized(doc));
            case JSON -> ResponseEntity.ok(Map.of("text", doc.fullText()));
        };
    }

    private static ResponseEntity<String> text(String body, MediaType type) {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .body(body);
    }

    /** OpenAI's verbose_json: segments and/or words as timestamp_granularities[] asked. */
    static Map<String, Object> verbose(TranscriptDocument doc, OpenAiRequest request) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", request.options().translate() ? "translate" : "transcribe");
        out.put("language", doc.language());
        out.put("duration", doc.durationSeconds());
        out.put("text", doc.fullText());
        if (request.segments()) {
            out.put(
                    "segments",
                    doc.segments().stream().map(OpenAiResponses::segment).toList());
        }
        if (request.words()) {
            List<Map<String, Object>> words = new ArrayList<>();
            for (TimedSegment s : doc.segments()) {
                for (TimedWord w : s.words()) {
                    Map<String, Object> word = new LinkedHashMap<>();
                    word.put("word", w.word());
                    word.put("start", w.start());
                    word.put("end", Math.max(w.start(), w.end()));
                    words.add(word);
                }
            }
            out.put("words", words);
        }
        return out;
    }

    /**
     * OpenAI's diarized_json (TranscriptionDiarized): a segment per speaker turn piece, its speaker
     * a capital letter as OpenAI labels speakers without known names (speaker 1 is A), and usage by
     * audio duration, the variant OpenAI bills Whisper by. The transcript's segments already carry
     * one speaker each (diarization splits a segment where its words change speaker).
     */
    static Map<String, Object> diarized(TranscriptDocument doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", "transcribe");
        out.put("duration", doc.durationSeconds());
        out.put("text", doc.fullText());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (TimedSegment s : doc.segments()) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("type", "transcript.text.segment");
            segment.put("id", "seg_" + s.index());
            segment.put("start", s.start());
            segment.put("end", s.end());
            segment.put("text", s.text());
            segment.put("speaker", speakerLabel(s.speaker()));
            segments.add(segment);
        }
        out.put("segments", segments);
        out.put("usage", Map.of("type", "duration", "seconds", doc.durationSeconds()));
        return out;
    }

    /**
     * Speaker 1 → A, 2 → B, …, 27 → AA; a segment diarization left
     * without a speaker (it found no speech turns at all) is the one speaker there is, A.
     */
    static String speakerLabel(Integer speaker) {
        int n = speaker == null || speaker < 1 ? 1 : speaker;
        StringBuilder label = new StringBuilder();
        for (; n > 0; n = (n - 1) / 26) {
            label.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return label.toString();
    }

    /**
     * A segment as OpenAI writes it, with what the stored transcript has: the decoder's per-token
     * figures (tokens, avg_logprob, …) are not kept with a transcript, so they are left out rather
     * than made up. {@code language} is this server's, present when detected per window.
     */
    private static Map<String, Object> segment(TimedSegment s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.index());
        out.put("start", s.start());
        out.put("end", s.end());
        out.put("text", s.text());
        if (s.language() != null) {
            out.put("language", s.language());
        }
        return out;
    }
}
