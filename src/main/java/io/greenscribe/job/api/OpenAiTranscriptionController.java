package io.greenscribe.job.api;

import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.job.AudioInputs;
import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobCompletions;
import io.greenscribe.job.JobProperties;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.system.FieldException;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.security.Caller;
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
 * OpenAI-compatible {@code POST /v1/audio/transcriptions} and {@code /v1/audio/translations} for
 * short files: the request runs as a top-priority job through the same queue and pipeline, and the
 * answer waits for it. Fields are read by {@link OpenAiRequest}, answers written by
 * {@link OpenAiResponses}; errors here have OpenAI's shape ({@code OpenAiErrors}).
 */
@RestController
@Tag(name = "OpenAI-compatible", description = "Drop-in for OpenAI's audio transcription endpoint, for short files")
class OpenAiTranscriptionController {

    private final JobService jobs;
    private final AudioDecoder decoder;
    private final JobProperties properties;
    private final JobCompletions completions;

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
        return run(caller, file, OpenAiRequest.transcription(form));
    }

    @PostMapping(path = "/v1/audio/translations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Translate a short file into English now",
            operationId = "createTranslation",
            description = """
            OpenAI's `POST /v1/audio/translations`: Whisper's translate task, so the text comes back in English \
            whatever was spoken. Multilingual models only (an English-only model is refused with 400). Files longer \
            than greenscribe.jobs.sync-max-seconds are refused: submit those as jobs with task=translate.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schema =
                                                    @Schema(
                                                            implementation =
                                                                    SubmissionForms.OpenAiTranslationForm.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The English text in response_format",
            content = {
                @Content(mediaType = "application/json"),
                @Content(mediaType = "text/plain"),
                @Content(mediaType = "text/vtt")
            })
    DeferredResult<ResponseEntity<?>> translate(
            @AuthenticationPrincipal Caller caller,
            @Parameter(hidden = true) @RequestParam("file") MultipartFile file,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form)
            throws IOException {
        return run(caller, file, OpenAiRequest.translation(form));
    }

    private DeferredResult<ResponseEntity<?>> run(Caller caller, MultipartFile file, OpenAiRequest request)
            throws IOException {
        // the upload is kept under its own (safe) name, so that what decoding says names it
        String name = AudioInputs.safeName(file.getOriginalFilename());
        Path dir = Files.createTempDirectory("greenscribe-sync-");
        Path tmp = dir.resolve(name);
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            double seconds = decoder.decode(tmp).durationSeconds();
            if (seconds > properties.syncMaxSeconds()) {
                throw new FieldException(
                        "file",
                        String.format(
                                "%s is %.0f s long; this endpoint takes up to %d s. "
                                        + "Submit longer files to POST /api/v1/jobs.",
                                name, seconds, properties.syncMaxSeconds()));
            }
            UUID id = jobs.submit(
                            caller.tenantId(),
                            new AudioSource.Upload(
                                    file.getOriginalFilename(), file.getSize(), () -> Files.newInputStream(tmp)),
                            request.options(),
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
                    answer.setResult(answer(caller.tenantId(), id, request));
                } catch (RuntimeException failure) {
                    answer.setErrorResult(failure);
                }
            });
            answer.onTimeout(() -> ended.cancel(false));
            return answer;
        } finally {
            Files.deleteIfExists(tmp); // the job has its own copy of the audio by now
            Files.deleteIfExists(dir);
        }
    }

    private ResponseEntity<?> answer(UUID tenant, UUID id, OpenAiRequest request) {
        JobView job = jobs.get(tenant, id);
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new GreenScribeException("Transcription failed: " + job.error());
        }
        return OpenAiResponses.answer(jobs.transcript(tenant, id), request);
    }
}
