package io.greenscribe.job.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What the multipart forms accept, as the OpenAPI document describes them. The controllers read
 * the raw fields (so that an unknown field is rejected by name, see {@link OptionForm}); these
 * records only give the fields their types, descriptions and examples. The OpenAPI round-trip test
 * posts every example, so a field documented here that the server does not take fails it.
 */
final class SubmissionForms {

    private SubmissionForms() {}

    static final String LANGUAGE = "Spoken language as an ISO 639-1 code; empty: detected (multilingual models); "
            + "auto-per-window: detected on every window and reported on each segment (multilingual models)";
    static final String TASK =
            "transcribe (the default), or translate: the text comes back in English " + "(multilingual models only)";
    static final String PROMPT = "Initial prompt: text the recognizer reads as what came before (style, spellings "
            + "of names); only its last 223 tokens are used, as Whisper does";
    static final String WORD_TIMESTAMPS =
            "Time every word (words in the JSON transcript); costs one more decoder " + "pass per window";
    static final String MODEL = "Speech model; empty: the server's default (greenscribe.pipeline.model)";
    static final String HOTWORDS = "Words to favour (names, jargon); one per value, or comma-separated";
    static final String ITN = "Inverse text normalisation: \"twenty five\" becomes \"25\"";
    static final String FORMATS = "Transcript formats to keep ready; any can still be fetched later";
    static final String PRIORITY = "-100 to 100; higher runs first";
    static final String DEADLINE = "Finish by this instant; the planner picks the greenest start that meets it";
    static final String NOT_BEFORE = "Start no earlier than this instant";
    static final String INTERRUPTIBLE = "With a deadline: may pause between windows and run in the greenest pieces"
            + " of time before it (true, the default); false keeps it to one run";
    static final String AUDIO_TTL = "How long the uploaded audio is kept after the job ends, ISO-8601 (PT0S to P3650D);"
            + " empty: the tenant's default, else greenscribe.retention.audio-ttl (7 days)";
    static final String TRANSCRIPT_TTL =
            "How long the transcript is kept after the job ends, ISO-8601 (PT0S to P3650D);"
                    + " empty: the tenant's default, else kept until deleted";
    static final String DIARIZE = "Label who speaks when: a speaker on every segment and word, in every format";
    static final String SPEAKERS = "With diarize: the number of speakers, if known; else it is estimated";
    static final String MIN_SPEAKERS = "With diarize: the fewest speakers to find (default 1)";
    static final String MAX_SPEAKERS = "With diarize: the most speakers to find (default 8, at most 20)";
    static final String CALLBACK =
            "Called with a signed POST when the job ends (HMAC-SHA256 in X-GreenScribe-Signature)";

    @Schema(
            name = "JobSubmissionForm",
            description = "A job: exactly one of file (an upload) or path (a file on the server)")
    record JobForm(
            @Schema(
                    type = "string",
                    format = "binary",
                    description = "The audio to transcribe (any format FFmpeg reads)")
            String file,

            @Schema(
                    description =
                            "Instead of file: a file under one of the server's allowed roots (greenscribe.jobs.allowed-roots)")
            String path,

            @Schema(description = LANGUAGE, example = "en") String language,

            @Schema(description = MODEL, example = "whisper-tiny.en")
            String model,

            @Schema(description = HOTWORDS, example = "[\"GreenScribe\"]")
            List<String> hotwords,

            @Schema(description = ITN, defaultValue = "true", example = "true")
            Boolean itn,

            @Schema(description = FORMATS, example = "[\"json\", \"srt\"]")
            @ArraySchema(schema = @Schema(allowableValues = {"txt", "srt", "vtt", "json"}))
            List<String> formats,

            @Schema(description = PRIORITY, minimum = "-100", maximum = "100", defaultValue = "0", example = "0")
            Integer priority,

            @Schema(description = DEADLINE, format = "date-time", example = "2030-01-02T06:00:00Z")
            String deadline,

            @Schema(description = NOT_BEFORE, format = "date-time", example = "2030-01-01T22:00:00Z")
            String notBefore,

            @Schema(description = CALLBACK, format = "uri") String callbackUrl,

            @Schema(description = INTERRUPTIBLE, defaultValue = "true", example = "true")
            String interruptible,

            @Schema(description = AUDIO_TTL, format = "duration", example = "P7D")
            String audioTtl,

            @Schema(description = TRANSCRIPT_TTL, format = "duration", example = "P30D")
            String transcriptTtl,

            @Schema(
                    description = TASK,
                    allowableValues = {"transcribe", "translate"},
                    example = "transcribe")
            String task,

            @Schema(description = PROMPT, example = "GreenScribe, a carbon-aware transcription server.")
            String prompt,

            @Schema(description = WORD_TIMESTAMPS, defaultValue = "false", example = "true")
            Boolean wordTimestamps,

            @Schema(description = DIARIZE, defaultValue = "false", example = "false")
            Boolean diarize,

            @Schema(description = SPEAKERS, minimum = "1", maximum = "20")
            Integer speakers,

            @Schema(description = MIN_SPEAKERS, minimum = "1", maximum = "20", defaultValue = "1")
            Integer minSpeakers,

            @Schema(description = MAX_SPEAKERS, minimum = "1", maximum = "20", defaultValue = "8")
            Integer maxSpeakers) {}

    @Schema(
            name = "BatchSubmissionForm",
            description = "A batch: uploads (files, repeated) or one server directory, with options shared by its jobs")
    record BatchForm(
            @ArraySchema(
                    arraySchema = @Schema(description = "The audio files, one part each"),
                    schema = @Schema(type = "string", format = "binary"))
            List<String> files,

            @Schema(description = "Instead of files: every file directly inside this directory under an allowed root")
            String directory,

            @Schema(description = "A name for the batch", example = "interviews-2026-12")
            String name,

            @Schema(description = LANGUAGE, example = "en") String language,

            @Schema(description = MODEL, example = "whisper-tiny.en")
            String model,

            @ArraySchema(arraySchema = @Schema(description = HOTWORDS))
            List<String> hotwords,

            @Schema(description = ITN, defaultValue = "true", example = "true")
            Boolean itn,

            @Schema(description = FORMATS, example = "[\"srt\"]")
            @ArraySchema(schema = @Schema(allowableValues = {"txt", "srt", "vtt", "json"}))
            List<String> formats,

            @Schema(description = PRIORITY, minimum = "-100", maximum = "100", defaultValue = "0", example = "0")
            Integer priority,

            @Schema(description = DEADLINE, format = "date-time", example = "2030-01-02T06:00:00Z")
            String deadline,

            @Schema(description = NOT_BEFORE, format = "date-time", example = "2030-01-01T22:00:00Z")
            String notBefore,

            @Schema(description = CALLBACK, format = "uri") String callbackUrl,

            @Schema(description = INTERRUPTIBLE, defaultValue = "true", example = "true")
            String interruptible,

            @Schema(description = AUDIO_TTL, format = "duration", example = "P7D")
            String audioTtl,

            @Schema(description = TRANSCRIPT_TTL, format = "duration", example = "P30D")
            String transcriptTtl,

            @Schema(
                    description = TASK,
                    allowableValues = {"transcribe", "translate"},
                    example = "transcribe")
            String task,

            @Schema(description = PROMPT, example = "GreenScribe, a carbon-aware transcription server.")
            String prompt,

            @Schema(description = WORD_TIMESTAMPS, defaultValue = "false", example = "true")
            Boolean wordTimestamps,

            @Schema(description = DIARIZE, defaultValue = "false", example = "false")
            Boolean diarize,

            @Schema(description = SPEAKERS, minimum = "1", maximum = "20")
            Integer speakers,

            @Schema(description = MIN_SPEAKERS, minimum = "1", maximum = "20", defaultValue = "1")
            Integer minSpeakers,

            @Schema(description = MAX_SPEAKERS, minimum = "1", maximum = "20", defaultValue = "8")
            Integer maxSpeakers) {}

    @Schema(
            name = "OpenAiTranscriptionForm",
            description = "OpenAI's audio transcription request (the fields GreenScribe reads)")
    record OpenAiForm(
            @Schema(
                    type = "string",
                    format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The audio; at most greenscribe.jobs.sync-max-seconds long")
            String file,

            @Schema(
                    description = "whisper-1 or gpt-4o-transcribe-diarize (both the server's default model) or a "
                            + "GreenScribe model name",
                    example = "whisper-1")
            String model,

            @Schema(description = LANGUAGE, example = "en") String language,

            @Schema(description = PROMPT, example = "GreenScribe, a carbon-aware transcription server.")
            String prompt,

            @Schema(
                    description = "Answer format; diarized_json diarizes the file (speakers estimated, labelled "
                            + "A, B, …) and answers in OpenAI's diarized shape",
                    allowableValues = {"json", "text", "srt", "vtt", "verbose_json", "diarized_json"},
                    defaultValue = "json",
                    example = "json")
            String response_format,

            @Schema(
                    description = "0 to 1; accepted for compatibility: decoding starts greedy and falls back up "
                            + "Whisper's temperature ladder",
                    minimum = "0",
                    maximum = "1")
            Double temperature,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description = "word and/or segment timings in verbose_json (words cost one "
                                            + "more decoder pass); needs response_format=verbose_json"),
                    schema = @Schema(allowableValues = {"word", "segment"}))
            List<String> timestamp_granularities,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description = "logprobs is refused (400): as at OpenAI, it comes only with "
                                            + "gpt-4o transcribe models"),
                    schema = @Schema(allowableValues = {"logprobs"}))
            List<String> include,

            @Schema(description = "false, or left out; true is refused (400): answers are not streamed")
            Boolean stream,

            @Schema(
                    description = "\"auto\" or a server_vad object: accepted and ignored, the server always cuts "
                            + "at the pauses its own VAD finds")
            String chunking_strategy,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description = "refused (400): speakers are told apart by voice and labelled "
                                            + "A, B, …, not matched to known speakers"))
            List<String> known_speaker_names,

            @ArraySchema(arraySchema = @Schema(description = "refused (400), as known_speaker_names"))
            List<String> known_speaker_references) {}

    @Schema(
            name = "OpenAiTranslationForm",
            description = "OpenAI's audio translation request: the text comes back in English")
    record OpenAiTranslationForm(
            @Schema(
                    type = "string",
                    format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The audio; at most greenscribe.jobs.sync-max-seconds long")
            String file,

            @Schema(
                    description = "whisper-1 (the server's default model) or a GreenScribe model name; "
                            + "a multilingual one",
                    example = "whisper-base")
            String model,

            @Schema(description = PROMPT) String prompt,

            @Schema(
                    description = "Answer format",
                    allowableValues = {"json", "text", "srt", "vtt", "verbose_json"},
                    defaultValue = "json",
                    example = "json")
            String response_format,

            @Schema(description = "0 to 1; accepted for compatibility", minimum = "0", maximum = "1")
            Double temperature) {}
}
