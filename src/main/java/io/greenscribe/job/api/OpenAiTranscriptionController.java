package io.greenscribe.job.api;

import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobCompletions;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.JobProperties;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.security.Caller;
import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TranscriptDocument;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * OpenAI-compatible {@code POST /v1/audio/transcriptions} for short files: the request runs as a
 * top-priority job through the same queue and pipeline, and the answer waits for it.
 */
@RestController
@Tag(name = "OpenAI-compatible", description = "Drop-in for OpenAI's audio transcription endpoint, for short files")
class OpenAiTranscriptionController {

    private static final Set<String> FIELDS = Set.of(
            "file",
            "model",
            "language",
            "prompt",
            "response_format",
            "temperature",
            "timestamp_granularities[]",
            "timestamp_granularities");

    private final JobService jobs;
    private final AudioDecoder decoder;
    private final JobProperties properties;
    private final JobCompletions completions;
    private final TranscriptWriter writer = new TranscriptWriter();

    OpenAiTranscriptionController(
            JobService jobs, AudioDecoder decoder, JobProperties properties, JobCompletions completions) {
        this.jobs = jobs;
        this.completions = completions;
        this.decoder = decoder;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/audio/transcriptions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Transcribe a short file now",
            operationId = "createTranscription",
            description = """
            OpenAI's `POST /v1/audio/transcriptions`: the file runs at top priority through the same queue, and the \
            answer waits for it. Files longer than greenscribe.jobs.sync-max-seconds are refused: submit those as jobs.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schema = @Schema(implementation = SubmissionForms.OpenAiForm.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The transcript in response_format",
            content = {
                @Content(mediaType = "application/json"),
                @Content(mediaType = "text/plain"),
                @Content(mediaType = "text/vtt")
            })
    DeferredResult<ResponseEntity<?>> transcribe(
            @AuthenticationPrincipal Caller caller,
            @Parameter(hidden = true) @RequestParam("file") MultipartFile file,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form)
            throws IOException {
        Set<String> unknown = new java.util.TreeSet<>(form.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new GreenScribeException("Unknown field(s) " + unknown + ".");
        }
        String format = form.getFirst("response_format") == null ? "json" : form.getFirst("response_format");
        if (!List.of("json", "text", "srt", "vtt", "verbose_json").contains(format)) {
            throw new GreenScribeException("response_format must be json, text, srt, vtt or verbose_json.");
        }
        Path tmp = Files.createTempFile("greenscribe-sync-", ".audio");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            double seconds = decoder.decode(tmp).durationSeconds();
            if (seconds > properties.syncMaxSeconds()) {
                throw new GreenScribeException(String.format(
                        "The audio is %.0f s long; this endpoint takes up to %d s. "
                                + "Submit longer files to POST /api/v1/jobs.",
                        seconds, properties.syncMaxSeconds()));
            }
            String model = form.getFirst("model");
            JobOptions options = new JobOptions(
                    form.getFirst("language"),
                    model == null || model.startsWith("whisper-1") ? null : model,
                    OptionForm.list(form.get("prompt") == null ? null : List.of(form.getFirst("prompt"))),
                    false,
                    List.of(),
                    100,
                    null,
                    null,
                    null);
            UUID id = jobs.submit(
                            caller.tenantId(),
                            new AudioSource.Upload(
                                    file.getOriginalFilename(), file.getSize(), () -> Files.newInputStream(tmp)),
                            options,
                            null,
                            null)
                    .job()
                    .id();
            // The client holds the connection until the job is done; no thread does: the answer is
            // written when the job's end is signalled.
            long timeout =
                    Duration.ofSeconds(60L + 10L * properties.syncMaxSeconds()).toMillis();
            DeferredResult<ResponseEntity<?>> answer = new DeferredResult<>(
                    timeout,
                    () -> new GreenScribeException(
                            "Job " + id + " did not finish in time; follow it at /api/v1/jobs/" + id + "."));
            // async: the end is signalled on a worker's thread, which must not wait on this answer
            java.util.concurrent.CompletableFuture<Void> ended = completions.ended(id);
            ended.whenCompleteAsync((v, e) -> {
                if (e != null) {
                    return; // timed out: the answer is already the timeout problem
                }
                try {
                    answer.setResult(answer(caller.tenantId(), id, format));
                } catch (RuntimeException failure) {
                    answer.setErrorResult(failure);
                }
            });
            answer.onTimeout(() -> ended.cancel(false));
            return answer;
        } finally {
            Files.deleteIfExists(tmp); // the job has its own copy of the audio by now
        }
    }

    private ResponseEntity<?> answer(UUID tenant, UUID id, String format) {
        JobView job = jobs.get(tenant, id);
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new GreenScribeException("Transcription failed: " + job.error());
        }
        TranscriptDocument doc = jobs.transcript(tenant, id);
        return switch (format) {
            case "text" -> text(writer.write(doc, TranscriptFormat.TXT), MediaType.TEXT_PLAIN);
            case "srt" -> text(writer.write(doc, TranscriptFormat.SRT), MediaType.TEXT_PLAIN);
            case "vtt" -> text(writer.write(doc, TranscriptFormat.VTT), MediaType.valueOf("text/vtt"));
            case "verbose_json" -> ResponseEntity.ok(verbose(doc));
            default -> ResponseEntity.ok(Map.of("text", doc.fullText()));
        };
    }

    private static ResponseEntity<String> text(String body, MediaType type) {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    private static Map<String, Object> verbose(TranscriptDocument doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", "transcribe");
        out.put("language", doc.language());
        out.put("duration", doc.durationSeconds());
        out.put("text", doc.fullText());
        out.put(
                "segments",
                doc.segments().stream()
                        .map(OpenAiTranscriptionController::segment)
                        .toList());
        return out;
    }

    private static Map<String, Object> segment(TimedSegment s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.index());
        out.put("start", s.start());
        out.put("end", s.end());
        out.put("text", s.text());
        return out;
    }
}
