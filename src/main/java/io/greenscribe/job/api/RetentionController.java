package io.greenscribe.job.api;

import io.greenscribe.job.JobService;
import io.greenscribe.job.Retention;
import io.greenscribe.system.ForbiddenException;
import io.greenscribe.system.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant's retention defaults (Azure batch transcription's timeToLive): read by any of
 * its keys, changed by its admin keys. A job's own {@code audioTtl}/{@code transcriptTtl} wins.
 */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention", description = "How long audio and transcripts are kept after a job ends")
@RequiredArgsConstructor
class RetentionController {

    private static final String PROBLEM = "application/problem+json";

    private final JobService jobs;

    /**
     * @param audioTtl the tenant's default, or {@code null} (the server's applies)
     * @param transcriptTtl the tenant's default, or {@code null} (the server's applies)
     * @param effectiveAudioTtl what a job submitted now without its own gets ({@code null}: kept)
     * @param effectiveTranscriptTtl the same for transcripts ({@code null}: kept until deleted)
     */
    @Schema(name = "RetentionDefaults")
    record Defaults(
            @Schema(format = "duration", example = "P7D") Duration audioTtl,
            @Schema(format = "duration", example = "P30D") Duration transcriptTtl,
            @Schema(format = "duration", example = "P7D") Duration effectiveAudioTtl,
            @Schema(format = "duration") Duration effectiveTranscriptTtl) {}

    /** @param audioTtl ISO-8601 or null; @param transcriptTtl ISO-8601 or null */
    @Schema(name = "RetentionChange")
    record Change(
            @Schema(
                    description = "Default audio time-to-live, ISO-8601 (PT0S to P3650D); null: the server's",
                    example = "P1D")
            String audioTtl,

            @Schema(
                    description = "Default transcript time-to-live, ISO-8601; null: the server's (kept)",
                    example = "P90D")
            String transcriptTtl) {}

    @GetMapping
    @Operation(
            summary = "Get the tenant's retention",
            operationId = "getRetention",
            description = "The tenant's default time-to-live of audio and transcripts, and what applies to a job "
                    + "submitted now without its own audioTtl/transcriptTtl.")
    Defaults get(@AuthenticationPrincipal Caller caller) {
        return defaults(jobs.tenantRetention(caller.tenantId()));
    }

    @PutMapping
    @Operation(
            summary = "Set the tenant's retention",
            operationId = "setRetention",
            description = "Sets the tenant's defaults for jobs submitted from now on (admin keys only); jobs "
                    + "already submitted keep the retention they got.")
    @ApiResponse(responseCode = "200", description = "The new defaults")
    @ApiResponse(
            responseCode = "400",
            description = "A value is not an ISO-8601 duration from PT0S to P3650D",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "403",
            description = "The key is not an admin key of the tenant",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Defaults set(@AuthenticationPrincipal Caller caller, @RequestBody Change change) {
        if (!caller.admin()) {
            throw new ForbiddenException("Only an admin key of the tenant may change its retention.");
        }
        Retention wanted = new Retention(
                Retention.parse("audioTtl", change.audioTtl()),
                Retention.parse("transcriptTtl", change.transcriptTtl()));
        return defaults(jobs.changeTenantRetention(caller.tenantId(), wanted));
    }

    private Defaults defaults(Retention tenant) {
        Retention server = jobs.serverRetention();
        return new Defaults(
                tenant.audioTtl(),
                tenant.transcriptTtl(),
                tenant.audioTtl() != null ? tenant.audioTtl() : server.audioTtl(),
                tenant.transcriptTtl() != null ? tenant.transcriptTtl() : server.transcriptTtl());
    }
}
