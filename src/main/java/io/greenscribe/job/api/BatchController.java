package io.greenscribe.job.api;

import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.batch.BatchService;
import io.greenscribe.job.batch.BatchView;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Batches: many uploads ({@code files} parts) or one server directory, with shared options. */
@RestController
@RequestMapping("/api/v1/batches")
@Tag(name = "Batches", description = "Many files as one batch of jobs with shared options")
@RequiredArgsConstructor
class BatchController {

    private static final String ACCEPTED = "Accepted: one job per file, each planned; follow the batch at Location";

    private final BatchService batches;

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Submit a batch",
            operationId = "submitBatch",
            description = "Upload files (repeat the files part) or name a server directory; at most 10,000 files.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schema = @Schema(implementation = SubmissionForms.BatchForm.class)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = DirectoryBatch.class))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = ACCEPTED,
            headers =
                    @Header(
                            name = "Location",
                            description = "The batch, /api/v1/batches/{id}",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    ResponseEntity<BatchView> submitForm(
            @AuthenticationPrincipal Caller caller,
            @Parameter(hidden = true) @RequestParam(value = "files", required = false) List<MultipartFile> files,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form) {
        OptionForm.rejectUnknown(form, Set.of("files", "directory", "name"));
        List<AudioSource> sources = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                sources.add(new AudioSource.Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream));
            }
        }
        String directory = form.getFirst("directory");
        if (directory != null && !directory.isBlank()) {
            if (!sources.isEmpty()) {
                throw new GreenScribeException("Send either 'files' or 'directory', not both.");
            }
            sources = batches.directory(directory);
        }
        return created(batches.submit(caller.tenantId(), form.getFirst("name"), sources, OptionForm.options(form)));
    }

    /** JSON: {@code {"directory": "...", "name": "...", "language": "en", ...}}. */
    @Schema(name = "BatchSubmission", description = "A batch of every file in a server directory")
    record DirectoryBatch(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "incoming",
                    description = "A directory under one of the server's allowed roots; its files, not sub-directories")
            String directory,

            @Schema(description = "A name for the batch", example = "interviews-2026-12")
            String name,

            @Schema(description = SubmissionForms.LANGUAGE, example = "en")
            String language,

            @Schema(description = SubmissionForms.MODEL, example = "whisper-tiny.en")
            String model,

            @Schema(description = SubmissionForms.HOTWORDS) List<String> hotwords,

            @Schema(description = SubmissionForms.ITN, example = "true")
            Boolean itn,

            @Schema(description = SubmissionForms.FORMATS, example = "[\"srt\"]")
            List<String> formats,

            @Schema(description = SubmissionForms.PRIORITY, example = "0")
            Integer priority,

            @Schema(description = SubmissionForms.DEADLINE, example = "2030-01-02T06:00:00Z")
            Instant deadline,

            @Schema(description = SubmissionForms.NOT_BEFORE, example = "2030-01-01T22:00:00Z")
            Instant notBefore,

            @Schema(description = SubmissionForms.CALLBACK) URI callbackUrl,

            @Schema(description = SubmissionForms.INTERRUPTIBLE, defaultValue = "true", example = "true")
            Boolean interruptible,

            @Schema(description = SubmissionForms.AUDIO_TTL, format = "duration", example = "P7D")
            String audioTtl,

            @Schema(description = SubmissionForms.TRANSCRIPT_TTL, format = "duration", example = "P30D")
            String transcriptTtl,

            @Schema(description = SubmissionForms.DIARIZE, defaultValue = "false", example = "false")
            Boolean diarize,

            @Schema(description = SubmissionForms.SPEAKERS, minimum = "1", maximum = "20")
            Integer speakers,

            @Schema(description = SubmissionForms.MIN_SPEAKERS, minimum = "1", maximum = "20")
            Integer minSpeakers,

            @Schema(description = SubmissionForms.MAX_SPEAKERS, minimum = "1", maximum = "20")
            Integer maxSpeakers) {

        JobOptions options() {
            return new JobController.PathSubmission(
                            directory,
                            language,
                            model,
                            hotwords,
                            itn,
                            formats,
                            priority,
                            deadline,
                            notBefore,
                            callbackUrl,
                            interruptible,
                            audioTtl,
                            transcriptTtl,
                            null,
                            null,
                            null,
                            diarize,
                            speakers,
                            minSpeakers,
                            maxSpeakers)
                    .options();
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a batch", operationId = "submitBatch")
    @ApiResponse(
            responseCode = "202",
            description = ACCEPTED,
            headers =
                    @Header(
                            name = "Location",
                            description = "The batch, /api/v1/batches/{id}",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    ResponseEntity<BatchView> submitJson(@AuthenticationPrincipal Caller caller, @RequestBody DirectoryBatch body) {
        if (body.directory() == null) {
            throw new GreenScribeException("directory is required (or upload 'files' as multipart/form-data).");
        }
        return created(
                batches.submit(caller.tenantId(), body.name(), batches.directory(body.directory()), body.options()));
    }

    /** One page of the tenant's batches, newest first. */
    record BatchPage(List<BatchView> items, int page, int size, long total) {}

    @GetMapping
    @Operation(
            summary = "List batches",
            operationId = "listBatches",
            description = "The tenant's batches, newest first, each with its progress and energy and CO2e sums.")
    BatchPage list(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Page number, from 0", example = "0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 100", example = "20") @RequestParam(defaultValue = "20")
                    int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new GreenScribeException("page must be >= 0 and size between 1 and 100.");
        }
        Page<BatchView> result = batches.list(caller.tenantId(), PageRequest.of(page, size));
        return new BatchPage(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Get a batch",
            operationId = "getBatch",
            description = "Progress by status and windows, its jobs, energy and CO2e of the finished ones.")
    BatchView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return batches.get(caller.tenantId(), id);
    }

    private static ResponseEntity<BatchView> created(BatchView batch) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/batches/" + batch.id()))
                .body(batch);
    }
}
