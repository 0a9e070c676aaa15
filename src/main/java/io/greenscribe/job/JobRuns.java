package io.greenscribe.job;

import io.greenscribe.diarization.SpeakerLimits;
import io.greenscribe.pipeline.PipelineRequest;
import io.greenscribe.pipeline.PipelineResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a worker does with a job it has claimed: read what to run, then record how the run ended.
 * Clients never come here (they go through {@link JobService}); each method checks that the
 * worker still holds the job, so a run that lost its claim (cancelled, reaped) records nothing.
 */
@Service
@RequiredArgsConstructor
public class JobRuns {

    /**
     * Claims after which a job that never finishes is failed rather than handed out again; claims
     * that ended in a graceful stop of the worker, and claims followed by a committed window, do not
     * count.
     */
    public static final int MAX_ATTEMPTS = 5;

    private final TranscriptionJobRepository jobs;
    private final JobViews views;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobLifecycleListener lifecycle;
    private final JobCompletions completions;

    /**
     * A claimed job as its run needs it, read in one go.
     *
     * @param request what the pipeline runs
     * @param submittedAt when the job arrived: the start of its counterfactual run
     * @param callbackUrl where its completion notice goes, or {@code null}
     */
    public record Claimed(PipelineRequest request, Instant submittedAt, URI callbackUrl) {}

    /**
     * The run of a job this worker has just claimed; empty when it no longer holds it, or when the
     * job has already been claimed {@link #MAX_ATTEMPTS} times without progress, graceful stops aside (a job that
     * kills its worker every time must not take the fleet down with it): that job is failed instead.
     */
    public Optional<Claimed> claimed(UUID id, String workerId) {
        return Optional.ofNullable(tx.execute(s -> {
            TranscriptionJob j = jobs.findById(id).orElse(null);
            if (j == null || !j.heldBy(workerId)) {
                return null;
            }
            // a worker that stops gracefully hands its jobs back without fault of theirs (five deploys in
            // a row must not fail a long job), and a claim that committed a window made progress: only
            // claims since the last committed window count
            if (jobs.claimsWithoutProgress(id) > MAX_ATTEMPTS) {
                j.fail(
                        "Gave up after " + MAX_ATTEMPTS + " attempts: each time, the worker running this job stopped "
                                + "before it finished.",
                        clock.instant());
                lifecycle.jobEnded(jobs.saveAndFlush(j));
                return null;
            }
            lifecycle.jobStarted(j);
            PipelineRequest request = new PipelineRequest(
                    j.id,
                    j.tenantId,
                    Path.of(j.audioPath),
                    j.model,
                    JobOptions.AUTO_PER_WINDOW.equals(j.language) ? null : j.language,
                    StoredOptions.hotwords(j.hotwords),
                    j.itn,
                    workerId,
                    new PipelineRequest.Decoding(
                            "translate".equals(j.task),
                            j.prompt,
                            j.wordTimestamps,
                            JobOptions.AUTO_PER_WINDOW.equals(j.language)),
                    j.diarize ? SpeakerLimits.of(j.speakers, j.minSpeakers, j.maxSpeakers) : null);
            return new Claimed(request, j.createdAt, j.callbackUrl == null ? null : URI.create(j.callbackUrl));
        }));
    }

    /** Records how a run ended and what it used, unless the job was cancelled or re-queued meanwhile. */
    public Optional<JobView> finish(UUID id, String workerId, PipelineResult result, JobCarbon carbon) {
        TranscriptionJob done = tx.execute(s -> {
            TranscriptionJob j = jobs.findById(id).orElse(null);
            if (j == null || !j.heldBy(workerId)) {
                return null;
            }
            j.recordRun(result, carbon);
            if (result.succeeded()) {
                j.succeed(clock.instant());
            } else {
                j.fail(result.error(), clock.instant());
            }
            return jobs.saveAndFlush(j);
        });
        if (done != null) {
            lifecycle.jobEnded(done);
            completions.jobEnded(id);
        }
        return Optional.ofNullable(done).map(views::of);
    }
}
