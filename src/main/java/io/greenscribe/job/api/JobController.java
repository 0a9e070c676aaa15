package io.greenscribe.job.api;

import io.greenscribe.webhook.Webhooks;
import io.greenscribe.job.JobView;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobEvent;
import io.greenscribe.job.JobStatus;
import io.greenscribe.pipeline.Transcripts;
import io.greenscribe.system.ConflictException;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.security.Caller;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
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
class JobController {

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
    ResponseEntity<JobView> submitForm(@AuthenticationPrincipal Caller caller,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        OptionForm.rejectUnknown(form, Set.of("file", "path"));
        AudioSource source = source(file, form.getFirst("path"));
        return accepted(jobs.submit(caller.tenantId(), source, OptionForm.options(form), idempotencyKey, null));
    }

    /** The same as JSON, for files already on the server: {@code {"path": "...", "language": "en", ...}}. */
    @PostMapping(path = "/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> submitJson(@AuthenticationPrincipal Caller caller, @RequestBody PathSubmission body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body.path() == null) {
            throw new GreenScribeException("path is required (or upload the file as multipart/form-data).");
        }
        return accepted(jobs.submit(caller.tenantId(), new AudioSource.ServerFile(body.path()), body.options(),
                idempotencyKey, null));
    }

    /** A JSON submission of a server file. */
    record PathSubmission(String path, String language, String model, List<String> hotwords, Boolean itn,
            List<String> formats, Integer priority, Instant deadline, Instant notBefore, URI callbackUrl) {

        JobOptions options() {
            return new JobOptions(language, model, hotwords, itn == null || itn,
                    formats == null ? List.of() : OptionForm.formats(formats), priority == null ? 0 : priority,
                    deadline, notBefore, callbackUrl);
        }
    }

    @GetMapping("/jobs/{id}")
    JobView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.get(caller.tenantId(), id);
    }

    /** One page of the tenant's jobs, newest first. */
    record JobPage(List<JobView> items, int page, int size, long total) {}

    /** The job's life as it happened: one entry per status move, oldest first. */
    @GetMapping("/jobs/{id}/events")
    java.util.List<JobEvent> events(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.events(caller.tenantId(), id);
    }

    @GetMapping("/jobs")
    JobPage list(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) JobStatus state,
            @RequestParam(required = false) UUID batch,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new GreenScribeException("page must be >= 0 and size between 1 and 500.");
        }
        Page<JobView> result = jobs.list(caller.tenantId(), state, batch, from, to, PageRequest.of(page, size));
        return new JobPage(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/jobs/{id}/transcript")
    ResponseEntity<String> transcript(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "json") String format) {
        TranscriptFormat f = TranscriptFormat.parse(format);
        String body = writer.write(jobs.transcript(caller.tenantId(), id), f);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(f.mediaType()), StandardCharsets.UTF_8))
                .body(body);
    }

    /** Cancels the job; {@code purge=true} also deletes its audio and transcript. */
    @DeleteMapping("/jobs/{id}")
    JobView cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean purge) {
        return jobs.cancel(caller.tenantId(), id, purge);
    }

    @PostMapping("/jobs/{id}/retry")
    JobView retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.retry(caller.tenantId(), id);
    }

    /**
     * Sends the completion notice of a finished job again (a new round of tries), e.g. after the
     * receiver was fixed; each try shows in the job's {@code webhook.attempts}.
     */
    @PostMapping("/jobs/{id}/webhook/redeliver")
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
    JobView runNow(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobs.runNow(caller.tenantId(), id);
    }

    /** Changes the priority of an unfinished job (−100 … 100; higher runs first). */
    @PostMapping("/jobs/{id}/priority")
    JobView priority(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam int value) {
        return jobs.changePriority(caller.tenantId(), id, value);
    }

    /** Full-text search over the tenant's transcripts (web-search syntax). */
    @GetMapping("/transcripts/search")
    List<Transcripts.Hit> search(@AuthenticationPrincipal Caller caller, @RequestParam String q,
            @RequestParam(defaultValue = "20") int limit) {
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
