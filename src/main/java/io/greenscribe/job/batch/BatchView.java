package io.greenscribe.job.batch;

import io.greenscribe.job.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's progress.
 *
 * @param id the batch
 * @param name the client's name for it, or {@code null}
 * @param createdAt when it was submitted
 * @param jobs number of jobs
 * @param byStatus job count per status
 * @param windowsDone recognized windows over all its jobs
 * @param windowsTotal planned windows over all its jobs (grows as jobs reach speech detection)
 * @param finished whether every job has finished
 * @param jobIds its jobs, oldest first
 * @param carbon energy and emissions summed over its finished jobs
 */
public record BatchView(
        UUID id,
        String name,
        Instant createdAt,
        int jobs,
        Map<JobStatus, Long> byStatus,
        int windowsDone,
        int windowsTotal,
        boolean finished,
        List<UUID> jobIds,
        Carbon carbon) {

    /**
     * Sums over the batch's finished jobs that have the figure ({@code null} while none has). A job
     * without a counterfactual (see its note) is left out of the counterfactual and the saving.
     *
     * @param jobsMetered finished jobs with an energy figure
     * @param energyWh their energy, Wh
     * @param gco2e emissions of the finished jobs priced at their run's intensity
     * @param counterfactualGco2e emissions of the jobs with a counterfactual, had each run at submission
     * @param savingGco2e counterfactual minus actual over those jobs
     * @param sciGco2ePerAudioHour the batch's SCI: operational plus embodied emissions over audio hours of the
     *     priced jobs
     * @param energyCpuWh the CPU's part of their energy, Wh
     * @param energyMemoryWh the memory's part, Wh
     * @param energyGpuWh the GPU's part, Wh
     * @param embodiedGco2e their embodied emissions (SCI's M), g; not in {@code gco2e}
     */
    public record Carbon(
            int jobsMetered,
            Double energyWh,
            Double gco2e,
            Double counterfactualGco2e,
            Double savingGco2e,
            Double sciGco2ePerAudioHour,
            Double energyCpuWh,
            Double energyMemoryWh,
            Double energyGpuWh,
            Double embodiedGco2e) {}
}
