package io.greenscribe.job;

import io.greenscribe.carbon.SignalType;
import io.greenscribe.energy.MeasurementMethod;

/**
 * What one run of a job used and emitted, as stored on the job. Any figure may be missing, and
 * {@code note} then says why: no energy when the meter failed; no emissions when the feed had no
 * intensity for the run; no counterfactual when it had none for the submission-time window.
 *
 * @param energyWh energy attributed to the job, Wh
 * @param energyMethod how it was obtained
 * @param energyDetail what the meter measured and how the job's share was attributed
 * @param intensityAtRun mean grid intensity over the run, g/kWh
 * @param intensityAtSubmission mean intensity over a run of the same length from submission, g/kWh
 * @param signalType what the intensities measure (never mixed in one record)
 * @param intensitySource the feed that gave them
 * @param gco2e energy × intensity at run
 * @param counterfactualGco2e energy × intensity at submission
 * @param savingGco2e counterfactual minus actual (negative when the run was dirtier)
 * @param sciGPerAudioHour Software Carbon Intensity per audio hour: (operational + embodied) ÷ audio hours
 * @param note why a figure is missing, else {@code null}
 * @param parts the energy split by what drew it, and the embodied share
 */
public record JobCarbon(
        Double energyWh,
        MeasurementMethod energyMethod,
        String energyDetail,
        Double intensityAtRun,
        Double intensityAtSubmission,
        SignalType signalType,
        String intensitySource,
        Double gco2e,
        Double counterfactualGco2e,
        Double savingGco2e,
        Double sciGPerAudioHour,
        String note,
        Parts parts) {

    /**
     * @param cpuWh CPU energy (RAPL package or the model's vCPU term), Wh
     * @param memoryWh memory energy (RAPL DRAM or the model's resident-memory term), Wh
     * @param gpuWh GPU energy (NVML), Wh
     * @param embodiedGco2e the hardware's embodied emissions apportioned to the run (SCI's M), g; never in gco2e
     * @param modelToCounter the power model's estimate over the counter's reading, where both were taken
     */
    public record Parts(Double cpuWh, Double memoryWh, Double gpuWh, Double embodiedGco2e, Double modelToCounter) {

        public static final Parts NONE = new Parts(null, null, null, null, null);
    }

    public static JobCarbon unmetered(String note) {
        return new JobCarbon(null, null, null, null, null, null, null, null, null, null, null, note, Parts.NONE);
    }
}
