package io.greenscribe.energy;

import java.time.Duration;

/**
 * A job's energy and emissions, with what it would have emitted had it run at submission.
 * Intensities are in g/kWh of one signal type (average or marginal; never mixed in one footprint).
 *
 * @param energyWh energy used, in Wh
 * @param energyMethod how the energy was obtained
 * @param intensityAtRun mean grid intensity over the actual run, g/kWh
 * @param gCo2e emissions of the run: energy × intensity
 * @param intensityAtSubmission mean intensity over the same run length from submission, g/kWh
 * @param counterfactualGCo2e emissions had it run at submission (same energy)
 * @param savedGCo2e counterfactual minus actual (negative if shifting made it worse)
 * @param savedPct saved as a percentage of the counterfactual
 * @param audioHours audio transcribed, in hours (the SCI functional unit)
 * @param sciGPerAudioHour Software Carbon Intensity: (operational + embodied) gCO2e per audio hour
 */
public record CarbonFootprint(
        double energyWh,
        MeasurementMethod energyMethod,
        double intensityAtRun,
        double gCo2e,
        double intensityAtSubmission,
        double counterfactualGCo2e,
        double savedGCo2e,
        double savedPct,
        double audioHours,
        double sciGPerAudioHour) {

    /**
     * @param energy what the meter measured
     * @param intensityAtRun mean g/kWh over the run
     * @param intensityAtSubmission mean g/kWh over a run of the same length starting at submission
     * @param audio the audio transcribed
     * @param embodiedGCo2e the hardware's embodied emissions apportioned to this run (SCI's M), or 0
     */
    public static CarbonFootprint of(
            Energy energy, double intensityAtRun, double intensityAtSubmission, Duration audio, double embodiedGCo2e) {
        double kwh = energy.kilowattHours();
        double actual = kwh * intensityAtRun;
        double counterfactual = kwh * intensityAtSubmission;
        double saved = counterfactual - actual;
        double hours = audio.toMillis() / 3_600_000.0;
        return new CarbonFootprint(
                energy.wattHours(),
                energy.method(),
                intensityAtRun,
                actual,
                intensityAtSubmission,
                counterfactual,
                saved,
                counterfactual > 0 ? saved / counterfactual * 100 : 0,
                hours,
                hours > 0 ? (actual + embodiedGCo2e) / hours : Double.NaN);
    }
}
