package io.greenscribe.job.api;

import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobEvent;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.pipeline.Transcripts;
import io.greenscribe.system.ConflictException;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.security.Caller;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
import io.greenscribe.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Version 1 of the jobs API. Every call is scoped to the caller's tenant. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jobs", description = "Submit audio, follow a job, fetch its transcript")
class JobController {

    private static final String PROBLEM = "application/problem+json";
    private static final String ACCEPTED =
            "Accepted: stored and planned; poll the job at Location until it has finished";
    private static final String LOCATION = "The job, /api/v1/jobs/{id}";

    private final JobService jobs;
    private final Transcripts transcripts;
    private final TranscriptWriter writer = new TranscriptWriter();
    private final Webhooks webhooks;

    JobController(JobService jobs, io.greenscribe.pipeline.TranscriptionPipeline pipeline, Webhooks webhooks) {
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.transcripts = pipeline.transcripts();
    }

    /** Submit audio as a multipart upload ({@code file}) or a server path ({@code path}), with options as fields. */
    @PostMapping(path = "/jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Submit a job",
            operationId = "submitJob",
            description = """
            Upload audio as multipart/form-data (`file`), or name a file on the server (`path`, as a form field or \
            as JSON). The job is planned at once: `status` is QUEUED, or WAITING_FOR_WINDOW with `scheduling.runAt` \
            when a greener window before the deadline is worth waiting for.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schema = @Schema(implementation = SubmissionForms.JobForm.class)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = PathSubmission.class))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = ACCEPTED,
            headers = @Header(name = "Location", description = LOCATION, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The Idempotency-Key was used before for a different job",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "413",
            description = "The upload exceeds greenscribe.jobs.max-upload-size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<JobView> submitForm(
            @AuthenticationPrincipal Caller caller,
            @Parameter(hidden = true) @RequestParam(value = "file", required = false) MultipartFile file,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
            @Parameter(description = "Resubmitting with the same key returns the first job instead of a new one")
                    @RequestHeader(value = "Idempotency-Key", required = false)
                    String idempotencyKey) {
        OptionForm.rejectUnknown(form, Set.of("file", "path"));
        AudioSource source = source(file, form.getFirst("path"));
        return accepted(jobs.submit(caller.tenantId(), source, OptionForm.options(form), idempotencyKey, null));
    }

    /** The same as JSON, for files already on the server: {@code {"path": "...", "language": "en", ...}}. */
    @PostMapping(path = "/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a job", operationId = "submitJob")
    @ApiResponse(
            responseCode = "202",
            description = ACCEPTED,
            headers = @Header(name = "Location", description = LOCATION, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = JobView.class)))
    ResponseEntity<JobView> submitJson(
            @AuthenticationPrincipal Caller caller,
            @RequestBody PathSubmission body,
            @Parameter(description = "Resubmitting with the same key returns the first job instead of a new one")
                    @RequestHeader(value = "Idempotency-Key", required = false)
                    String idempotencyKey) {
        if (body.path() == null) {
            throw new GreenScribeException("path is required (or upload the file as multipart/form-data).");
        }
        return accepted(jobs.submit(
                caller.tenantId(), new AudioSource.ServerFile(body.path()), body.options(), idempotencyKey, null));
    }

    /** A JSON submission of a server file. */
    @Schema(name = "JobSubmission", description = "A job for a file already on the server")
    record PathSubmission(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "incoming/call-0001.wav",
                    description = "A file under one of the server's allowed roots (greenscribe.jobs.allowed-roots)")
            String path,

            @Schema(description = SubmissionForms.LANGUAGE, example = "en")
            String language,

            @Schema(description = SubmissionForms.MODEL, example = "whisper-tiny.en")
            String model,

            @Schema(description = SubmissionForms.HOTWORDS, example = "[\"GreenScribe\"]")
            List<String> hotwords,

            @Schema(description = SubmissionForms.ITN, defaultValue = "true", example = "true")
            Boolean itn,

            @Schema(description = SubmissionForms.FORMATS, example = "[\"json\"]")
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

            @Schema(
                    description = SubmissionForms.TASK,
                    allowableValues = {"transcribe", "translate"},
                    example = "transcribe")
            String task,

            @Schema(description = SubmissionForms.PROMPT, example = "GreenScribe, a carbon-aware transcription server.")
            String prompt,

            @Schema(description = SubmissionForms.WORD_TIMESTAMPS, defaultValue = "false", example = "true")
            Boolean wordTimestamps,

            @Schema(description = SubmissionForms.DIARIZE, defaultValue = "false", example = "false")
            Boolean diarize,

            @Schema(description = SubmissionForms.SPEAKERS, minimum = "1", maximum = "20")
            Integer speakers,

            @Schema(description = SubmissionForms.MIN_SPEAKERS, minimum = "1", maximum = "20")
            Integer minSpeakers,

            @Schema(description = SubmissionForms.MAX_SPEAKERS, minimum = "1", maximum = "20")
            Integer maxSpeakers) {

        JobOptions options() {
            return new JobOptions(
                    language,
                    model,
                    hotwords,
                    itn == null || itn,
                    formats == null ? List.of() : OptionForm.formats(formats),
                    priority == null ? 0 : priority,
                    deadline,
                    notBefore,
                    callbackUrl,
                    interruptible == null || interruptible,
                    io.greenscribe.job.Retention.parse("audioTtl", audioTtl),
                    io.greenscribe.job.Retention.parse("transcriptTtl", transcriptTtl),
                    OptionForm.translate(task),
                    prompt,
                    wordTimestamps != null && wordTimestamps,
                    OptionForm.diarization(diarize != null && diarize, speakers, minSpeakers, maxSpeakers));
        }
    }

    @GetMapping("/jobs/{id}")
    @Operation(
            summary = "Get a job",
            operationId = "getJob",
            description = "Status, plan, progress (windows recognized), timings, energy and CO2e, transcript links.")
    JobView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.get(caller.tenantId(), id);
    }

    /** One page of the tenant's jobs, newest first. */
    record JobPage(List<JobView> items, int page, int size, long total) {}

    /** The job's life as it happened: one entry per status move, oldest first. */
    @GetMapping("/jobs/{id}/events")
    @Operation(
            summary = "A job's history",
            operationId = "getJobEvents",
            description = "Every status move of the job as it happened, oldest first: the move (e.g. CLAIM, "
                    + "HAND_BACK, RETRY), the states it left and entered, the attempt, the worker and the reason. "
                    + "Each entry is written in the same transaction as the move.")
    @ApiResponse(responseCode = "200", description = "The job's events")
    @ApiResponse(
            responseCode = "404",
            description = "No such job for this tenant",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    java.util.List<JobEvent> events(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.events(caller.tenantId(), id);
    }

    @GetMapping("/jobs")
    @Operation(
            summary = "List jobs",
            operationId = "listJobs",
            description = "The tenant's jobs, newest first, one page at a time.")
    JobPage list(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Only jobs in this state") @RequestParam(required = false) JobStatus state,
            @Parameter(description = "Only jobs of this batch") @RequestParam(required = false) UUID batch,
            @Parameter(description = "Submitted at or after") @RequestParam(required = false) Instant from,
            @Parameter(description = "Submitted before") @RequestParam(required = false) Instant to,
            @Parameter(description = "Page number, from 0", example = "0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500", example = "20") @RequestParam(defaultValue = "50")
                    int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new GreenScribeException("page must be >= 0 and size between 1 and 500.");
        }
        Page<JobView> result = jobs.list(caller.tenantId(), state, batch, from, to, PageRequest.of(page, size));
        return new JobPage(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/jobs/{id}/transcript")
    @Operation(
            summary = "Download a transcript",
            operationId = "getTranscript",
            description = "The finished job's transcript in any format, whichever were asked for at submission.")
    @ApiResponse(
            responseCode = "200",
            description = "The transcript",
            content = {
                @Content(mediaType = "application/json"), @Content(mediaType = "text/plain"),
                @Content(mediaType = "application/x-subrip"), @Content(mediaType = "text/vtt")
            })
    @ApiResponse(
            responseCode = "409",
            description = "The job has not succeeded (yet)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<String> transcript(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Parameter(
                            description = "txt, srt, vtt or json",
                            example = "srt",
                            schema = @Schema(allowableValues = {"txt", "srt", "vtt", "json"}))
                    @RequestParam(defaultValue = "json")
                    String format) {
        TranscriptFormat f = TranscriptFormat.parse(format);
        String body = writer.write(jobs.transcript(caller.tenantId(), id), f);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(f.mediaType()), StandardCharsets.UTF_8))
                .body(body);
    }

    /** Cancels the job; {@code purge=true} also deletes its audio and transcript. */
    @DeleteMapping("/jobs/{id}")
    @Operation(
            summary = "Cancel a job",
            operationId = "cancelJob",
            description =
                    "Stops a waiting, queued or running job; with purge=true also deletes its audio and transcript.")
    @ApiResponse(responseCode = "200", description = "The job, now CANCELLED")
    @ApiResponse(
            responseCode = "409",
            description = "The job has already finished (and purge was not asked)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    JobView cancel(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "Also delete the audio and transcript", example = "false")
                    @RequestParam(defaultValue = "false")
                    boolean purge) {
        return jobs.cancel(caller.tenantId(), id, purge);
    }

    @PostMapping("/jobs/{id}/retry")
    @Operation(
            summary = "Retry a job",
            operationId = "retryJob",
            description = "Plans a failed or cancelled job again, from its stored audio.")
    @ApiResponse(responseCode = "200", description = "The job, planned again")
    @ApiResponse(
            responseCode = "409",
            description = "The job is not failed or cancelled, or its audio was purged",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    JobView retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.retry(caller.tenantId(), id);
    }

    /**
     * Sends the completion notice of a finished job again (a new round of tries), e.g. after the
     * receiver was fixed; each try shows in the job's {@code webhook.attempts}.
     */
    @PostMapping("/jobs/{id}/webhook/redeliver")
    @Operation(
            summary = "Send a job's webhook again",
            operationId = "redeliverWebhook",
            description = "Sends the completion notice of a finished job again (a new round of tries), e.g. after "
                    + "the receiver was fixed; each try shows in the job's webhook.attempts.")
    @ApiResponse(
            responseCode = "202",
            description = "A new round of tries has started",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The job has no callbackUrl, or has not finished",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<JobView> redeliverWebhook(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        JobView job = jobs.get(caller.tenantId(), id);
        if (job.options().callbackUrl() == null) {
            throw new ConflictException("Job " + id + " has no callbackUrl.");
        }
        if (job.status() != JobStatus.SUCCEEDED && job.status() != JobStatus.FAILED) {
            throw new ConflictException("Job " + id + " is " + job.status() + "; its notice is sent when it finishes.");
        }
        webhooks.send(id, job.options().callbackUrl(), job);
        return ResponseEntity.accepted().body(job);
    }

    /** Skips carbon-aware waiting: a job waiting for a greener window is queued now. */
    @PostMapping("/jobs/{id}/run-now")
    @Operation(
            summary = "Run a job now",
            operationId = "runJobNow",
            description = "Skips carbon-aware waiting: a job waiting for a greener window is queued now.")
    @ApiResponse(responseCode = "200", description = "The job, QUEUED")
    @ApiResponse(
            responseCode = "409",
            description = "The job is already running or finished",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    JobView runNow(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.runNow(caller.tenantId(), id);
    }

    /** Changes the priority of an unfinished job (−100 … 100; higher runs first). */
    @PostMapping("/jobs/{id}/priority")
    @Operation(summary = "Change a job's priority", operationId = "changeJobPriority")
    @ApiResponse(responseCode = "200", description = "The job with its new priority")
    @ApiResponse(
            responseCode = "409",
            description = "The job has already finished",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    JobView priority(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "-100 to 100; higher runs first", example = "10") @RequestParam int value) {
        return jobs.changePriority(caller.tenantId(), id, value);
    }

    /** Full-text search over the tenant's transcripts (web-search syntax). */
    @GetMapping("/transcripts/search")
    @Operation(
            summary = "Search transcripts",
            operationId = "searchTranscripts",
            description =
                    "Full-text search over the tenant's transcripts, best matches first, with highlighted snippets.")
    List<Transcripts.Hit> search(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Web-search syntax: words, \"a phrase\", -excluded, or", example = "weather")
                    @RequestParam
                    String q,
            @Parameter(description = "At most this many hits, 1 to 100", example = "20")
                    @RequestParam(defaultValue = "20")
                    int limit) {
        return transcripts.search(caller.tenantId(), q, Math.max(1, Math.min(limit, 100)));
    }

    static AudioSource source(MultipartFile file, String path) {
        if ((file == null) == (path == null || path.isBlank())) {
            throw new GreenScribeException("Send exactly one of 'file' (an upload) or 'path' (a file on the server).");
        }
        if (file != null) {
            return new AudioSource.Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
        }
        return new AudioSource.ServerFile(path);
    }

    static ResponseEntity<JobView> accepted(JobService.Submitted submitted) {
        URI location = URI.create("/api/v1/jobs/" + submitted.job().id());
        return ResponseEntity.accepted().location(location).body(submitted.job());
    }
}
