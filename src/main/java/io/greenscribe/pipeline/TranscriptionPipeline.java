package io.greenscribe.pipeline;

import io.greenscribe.asr.SpeechModels;
import io.greenscribe.system.GreenScribeException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs the "transcribe" Spring Batch job for one transcription, on the calling thread. Running a
 * job again resumes it: a previous execution left behind by a dead process is first marked failed
 * (the caller holds the job's lease, so nothing else can be running it), then restarted, and
 * Spring Batch skips the steps and partitions that completed while the pipeline skips windows
 * whose results are committed.
 */
@Component
public class TranscriptionPipeline {

    private static final Logger log = LoggerFactory.getLogger(TranscriptionPipeline.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final JobWindows windows;
    private final Transcripts transcripts;
    private final PcmStore pcm;
    private final SpeechModels models;
    private final StopRequests stops;
    private final RunProgressStore progress;

    TranscriptionPipeline(
            JobOperator operator,
            JobRepository repository,
            Job transcribeJob,
            JobWindows windows,
            Transcripts transcripts,
            PcmStore pcm,
            SpeechModels models,
            StopRequests stops,
            RunProgressStore progress) {
        this.stops = stops;
        this.progress = progress;
        this.operator = operator;
        this.repository = repository;
        this.job = transcribeJob;
        this.windows = windows;
        this.transcripts = transcripts;
        this.pcm = pcm;
        this.models = models;
    }

    public PipelineResult run(PipelineRequest request) {
        stops.clear(request.jobId()); // a stop asked of an earlier run on this instance is not for this one
        progress.runStarted(request.jobId(), device());
        windows.unstarted(request.jobId()); // windows a dead run had in flight are pending again
        JobParameters parameters = JobParams.of(request);
        JobExecution last = repository.getLastJobExecution(PipelineConfiguration.JOB_NAME, parameters);
        if (leftRunning(last)) {
            log.info(
                    "Job {}: execution {} was left {} (or with steps still running) by a dead or stopped worker; "
                            + "recovering it to restart",
                    request.jobId(),
                    last.getId(),
                    last.getStatus());
            operator.recover(last);
        }
        JobExecution execution;
        try {
            execution = operator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            execution = repository.getLastJobExecution(PipelineConfiguration.JOB_NAME, parameters);
        } catch (TransientDataAccessException e) {
            throw e;
        } catch (Exception e) {
            throw new GreenScribeException(
                    "Could not start the pipeline for job " + request.jobId() + ": " + e.getMessage(), e);
        }
        stops.clear(request.jobId());
        PipelineResult result = result(request, execution);
        if (!result.retryable()) {
            pcm.delete(request.jobId()); // the run is over for good: its work file goes with it
        }
        return result;
    }

    /**
     * Whether the last execution must be recovered before the job can start again: it is still
     * marked running (its process died), or it ended but some of its steps did not. The second is
     * what a shutdown leaves when the grace period runs out: the job execution ends FAILED with an
     * InterruptedException while its interrupted partitions stay STARTED, and Spring Batch refuses a
     * restart ("already running") for as long as any step of the last execution looks running.
     */
    static boolean leftRunning(JobExecution last) {
        return last != null
                && (last.getStatus().isRunning()
                        || last.getStepExecutions().stream()
                                .anyMatch(step -> step.getStatus().isRunning()));
    }

    /** Asks the running execution of a job to stop at the next window boundary. */
    public void stop(UUID jobId) {
        stops.request(jobId);
        for (JobExecution e : repository.findRunningJobExecutions(PipelineConfiguration.JOB_NAME)) {
            if (jobId.toString().equals(e.getJobParameters().getString(JobParams.JOB_ID))) {
                try {
                    operator.stop(e);
                    log.info("Job {}: asked execution {} to stop at its next window", jobId, e.getId());
                } catch (Exception ex) {
                    log.info(
                            "Job {}: execution {} could not be stopped (finished meanwhile?): {}",
                            jobId,
                            e.getId(),
                            ex.toString());
                }
            }
        }
    }

    /** The run's stage, audio length, device and planned windows, as stored (any instance reads it). */
    public RunProgress progress(UUID jobId) {
        return progress.find(jobId)
                .map(r -> new RunProgress(
                        r.stage(), r.runStartedAt(), r.audioSeconds(), r.device(), windows.planned(jobId)))
                .orElseGet(() -> new RunProgress(null, null, null, null, windows.planned(jobId)));
    }

    /** Jobs that have a work file (decoded PCM) on this instance. */
    public java.util.Set<UUID> jobsWithWorkFiles() {
        return pcm.jobs();
    }

    /** Deletes the work files this instance keeps for a job; a missing one is fine. */
    public void discardWorkFiles(UUID jobId) {
        pcm.delete(jobId);
    }

    public Transcripts transcripts() {
        return transcripts;
    }

    /** Deletes everything the pipeline stored for a job: windows, transcript, work files. */
    public void purge(UUID jobId) {
        windows.delete(jobId);
        transcripts.delete(jobId);
        pcm.delete(jobId);
        progress.delete(jobId);
    }

    /** Names of the models installed on this instance. */
    public java.util.List<String> installedModels() {
        return models.installed();
    }

    private String device() {
        return models.status().device().replace("()", "");
    }

    private PipelineResult result(PipelineRequest request, JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
        // STOPPED: asked to stop (shutdown, cancel, lost lease); its committed windows are kept for
        // whoever runs it next, so it is handed back rather than failed
        boolean retryable =
                !ok && (execution.getStatus() == BatchStatus.STOPPED || FailureReasons.isTransient(execution));
        return new PipelineResult(
                ok,
                retryable,
                ok ? null : FailureReasons.of(execution),
                context.getDouble("audioSeconds", 0.0),
                context.getDouble("speechSeconds", 0.0),
                context.getInt("windows", 0),
                context.getString("language", request.language()),
                request.model(),
                device(),
                context.containsKey("audioWarning") ? context.getString("audioWarning") : null);
    }
}
