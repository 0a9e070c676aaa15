package io.greenscribe.job.api;

import io.greenscribe.job.JobOptions;
import io.greenscribe.system.FieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * An OpenAI audio request's fields, read and checked the way OpenAI's API reference describes
 * them; each refusal names its field ({@code param} in the error body).
 *
 * @param format response_format
 * @param words timestamp_granularities has word: words in verbose_json (and word alignment)
 * @param segments verbose_json carries segments: granularity segment, or none given
 * @param options the job's options
 */
record OpenAiRequest(ResponseFormat format, boolean words, boolean segments, JobOptions options) {

    /** The answer formats, written by {@link OpenAiResponses}; diarized_json diarizes the request. */
    enum ResponseFormat {
        JSON,
        TEXT,
        SRT,
        VTT,
        VERBOSE_JSON,
        DIARIZED_JSON;

        static ResponseFormat parse(String value) {
            if (value == null || value.isBlank()) {
                return JSON;
            }
            for (ResponseFormat f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(value.strip())) {
                    return f;
                }
            }
            throw new FieldException(
                    "response_format",
                    "response_format must be json, text, srt, vtt, verbose_json or diarized_json, not '" + value
                            + "'.");
        }
    }

    private static final Set<String> TRANSCRIPTION_FIELDS = Set.of(
            "file",
            "model",
            "language",
            "prompt",
            "response_format",
            "temperature",
            "timestamp_granularities[]",
            "timestamp_granularities",
            "include[]",
            "include",
            "stream",
            "chunking_strategy",
            "known_speaker_names[]",
            "known_speaker_names",
            "known_speaker_references[]",
            "known_speaker_references");

    private static final Set<String> TRANSLATION_FIELDS =
            Set.of("file", "model", "prompt", "response_format", "temperature");

    /** The fields of the VAD object OpenAI documents for chunking_strategy (sent as chunking_strategy[type] …). */
    private static final Set<String> CHUNKING_FIELDS =
            Set.of("type", "prefix_padding_ms", "silence_duration_ms", "threshold");

    static OpenAiRequest transcription(MultiValueMap<String, String> form) {
        rejectUnknown(form, TRANSCRIPTION_FIELDS, true);
        stream(form.getFirst("stream"));
        chunking(form);
        include(values(form, "include"));
        knownSpeakers(form);
        return read(form, form.getFirst("language"), false, values(form, "timestamp_granularities"));
    }

    static OpenAiRequest translation(MultiValueMap<String, String> form) {
        rejectUnknown(form, TRANSLATION_FIELDS, false);
        if (ResponseFormat.parse(form.getFirst("response_format")) == ResponseFormat.DIARIZED_JSON) {
            // as at OpenAI: its translations endpoint has no diarized_json
            throw new FieldException(
                    "response_format", "response_format=diarized_json is for transcriptions, not translations.");
        }
        return read(form, null, true, List.of());
    }

    private static OpenAiRequest read(
            MultiValueMap<String, String> form, String language, boolean translate, List<String> granularities) {
        ResponseFormat format = ResponseFormat.parse(form.getFirst("response_format"));
        temperature(form.getFirst("temperature"));
        for (String g : granularities) {
            if (!g.equals("word") && !g.equals("segment")) {
                throw new FieldException(
                        "timestamp_granularities",
                        "timestamp_granularities[] takes word and segment, not '" + g + "'.");
            }
        }
        if (!granularities.isEmpty() && format != ResponseFormat.VERBOSE_JSON) {
            throw new FieldException(
                    "timestamp_granularities", "timestamp_granularities[] needs response_format=verbose_json.");
        }
        boolean words = granularities.contains("word");
        boolean segments = granularities.isEmpty() || granularities.contains("segment");
        String model = form.getFirst("model");
        // diarized_json asks for speakers, with their number estimated: OpenAI's request has no count
        JobOptions.Diarization diarization =
                format == ResponseFormat.DIARIZED_JSON ? JobOptions.Diarization.ESTIMATED : null;
        JobOptions options = new JobOptions(
                language == null || language.isBlank() ? null : language.strip(),
                defaultModel(model) ? null : model.strip(),
                List.of(),
                false,
                List.of(),
                100,
                null,
                null,
                null,
                true,
                null,
                null,
                translate,
                form.getFirst("prompt"),
                words,
                diarization);
        return new OpenAiRequest(format, words, segments, options);
    }

    /**
     * OpenAI's own model names that mean "the server's default" here: whisper-1, and
     * gpt-4o-transcribe-diarize, which clients name to get diarized_json (speakers come from
     * response_format here, whichever model transcribes).
     */
    private static boolean defaultModel(String model) {
        return model == null
                || model.isBlank()
                || model.startsWith("whisper-1")
                || model.strip().equals("gpt-4o-transcribe-diarize");
    }

    /**
     * known_speaker_names[] and known_speaker_references[]: refused, since speakers here are told
     * apart by voice only and labelled A, B, …; matching them to reference clips is not built.
     */
    private static void knownSpeakers(MultiValueMap<String, String> form) {
        for (String field : List.of("known_speaker_names", "known_speaker_references")) {
            if (!values(form, field).isEmpty()) {
                throw new FieldException(
                        field,
                        "unsupported_value",
                        field + "[] is not supported: this server tells speakers apart by voice and labels "
                                + "them A, B, … in order of appearance; it does not match them to reference "
                                + "clips. Leave it out.");
            }
        }
    }

    private static void rejectUnknown(MultiValueMap<String, String> form, Set<String> known, boolean chunking) {
        Set<String> unknown = new TreeSet<>();
        for (String name : form.keySet()) {
            boolean chunkingField = chunking
                    && name.startsWith("chunking_strategy[")
                    && name.endsWith("]")
                    && CHUNKING_FIELDS.contains(name.substring("chunking_strategy[".length(), name.length() - 1));
            if (!known.contains(name) && !chunkingField) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FieldException(
                    unknown.iterator().next(),
                    "Unknown field(s) " + unknown + "; this endpoint takes " + new TreeSet<>(known) + ".");
        }
    }

    /** A list field, sent as name[] (OpenAI's clients) or as repeated or comma-separated name. */
    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> out = new ArrayList<>();
        for (String key : List.of(name + "[]", name)) {
            List<String> given = form.get(key);
            if (given != null) {
                out.addAll(OptionForm.list(given));
            }
        }
        return out;
    }

    /** Answers are whole documents: stream=true is refused rather than silently not streamed. */
    private static void stream(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            throw new FieldException(
                    "stream",
                    "unsupported_value",
                    "stream=true is not supported: this server answers with the whole transcript "
                            + "once it is done; send stream=false or leave it out.");
        }
        throw new FieldException("stream", "stream must be true or false, not '" + value + "'.");
    }

    /**
     * chunking_strategy: "auto" or a server_vad object, as OpenAI documents; both are accepted and
     * change nothing, since this server always cuts the audio at pauses its own VAD finds.
     */
    private static void chunking(MultiValueMap<String, String> form) {
        String value = form.getFirst("chunking_strategy");
        String type = form.getFirst("chunking_strategy[type]");
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            boolean object =
                    v.startsWith("{") && v.endsWith("}") && v.replace(" ", "").contains("\"type\":\"server_vad\"");
            if (!v.equals("auto") && !object) {
                throw new FieldException(
                        "chunking_strategy",
                        "chunking_strategy must be \"auto\" or an object with \"type\": \"server_vad\", not '" + value
                                + "'.");
            }
        }
        boolean objectFields = form.keySet().stream().anyMatch(k -> k.startsWith("chunking_strategy["));
        if (objectFields && !"server_vad".equals(type)) {
            throw new FieldException(
                    "chunking_strategy", "chunking_strategy[type] must be server_vad, not '" + type + "'.");
        }
    }

    /** include: OpenAI gives logprobs only for its gpt-4o transcribe models, never for Whisper. */
    private static void include(List<String> values) {
        for (String v : values) {
            if (v.equals("logprobs")) {
                throw new FieldException(
                        "include",
                        "unsupported_value",
                        "include[]=logprobs is not supported: as at OpenAI, token log-probabilities come only with "
                                + "gpt-4o transcribe models, not Whisper ones.");
            }
            throw new FieldException("include", "include[] takes logprobs only, not '" + v + "'.");
        }
    }

    /** Accepted in OpenAI's range; decoding starts greedy and falls back up Whisper's ladder. */
    private static void temperature(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        double t;
        try {
            t = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new FieldException("temperature", "temperature must be a number, not '" + value + "'.");
        }
        if (!(t >= 0 && t <= 1)) {
            throw new FieldException("temperature", "temperature must be between 0 and 1, not " + value + ".");
        }
    }
}
