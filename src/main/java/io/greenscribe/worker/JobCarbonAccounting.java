package io.greenscribe.worker;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.energy.CarbonFootprint;
import io.greenscribe.energy.EmbodiedEmissions;
import io.greenscribe.energy.Energy;
import io.greenscribe.energy.SharedEnergyMeter;
import io.greenscribe.job.JobCarbon;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters a job's run and prices it: energy from the shared meter, the grid's mean intensity over
 * the run and over a run of the same length from submission (the counterfactual) from the carbon
 * feed; the hardware's embodied share (SCI's M) from the job's share of the run time. Neither a
 * failing meter nor a failing feed fails the job; the figure is left out with the reason in the note.
 */
class JobCarbonAccounting {

    private static final Logger log = LoggerFactory.getLogger(JobCarbonAccounting.class);

    private final SharedEnergyMeter meter;
    private final CarbonIntensityFeed feed;
    private final GridZone zone;
    private final Clock clock;
    private final EmbodiedEmissions embodied;

    JobCarbonAccounting(
            SharedEnergyMeter meter, CarbonIntensityFeed feed, GridZone zone, Clock clock, EmbodiedEmissions embodied) {
        this.meter = meter;
        this.embodied = embodied;
        this.feed = feed;
        this.zone = zone;
        this.clock = clock;
    }

    /** A run being metered; {@link #stop} it exactly once, however the run ends. */
    final class Metering {

        private final Instant start = clock.instant();
        private final SharedEnergyMeter.Run run;
        private final String failure;

        private Metering() {
            SharedEnergyMeter.Run r = null;
            String f = null;
            try {
                r = meter.start();
            } catch (RuntimeException e) {
                f = "The energy meter (" + meter.method() + ") failed at the start of the run: " + e.getMessage();
                log.warn(f);
            }
            run = r;
            failure = f;
        }

        /** Ends the measurement; the energy is priced by {@link #price}. */
        Measured stop() {
            Instant end = clock.instant();
            if (run == null) {
                return new Measured(null, start, end, failure, Duration.between(start, end));
            }
            try {
                Energy e = meter.stop(run);
                return new Measured(e, start, end, null, run.attributedTime());
            } catch (RuntimeException e) {
                String f = "The energy meter (" + meter.method() + ") failed at the end of the run: " + e.getMessage();
                log.warn(f);
                return new Measured(null, start, end, f, Duration.between(start, end));
            }
        }
    }

    /**
     * @param energy this job's share, or {@code null} with {@code failure} saying why
     * @param attributed this job's share of the wall time (the whole run when it ran alone)
     */
    record Measured(Energy energy, Instant start, Instant end, String failure, Duration attributed) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    private record Intensity(double gPerKwh, SignalType signal, String source) {}

    Metering start() {
        return new Metering();
    }

    /** The run's figures; {@code submittedAt} starts the counterfactual window. */
    JobCarbon price(Measured m, Instant submittedAt, double audioSeconds) {
        if (m.energy() == null) {
            return JobCarbon.unmetered(m.failure());
        }
        Energy e = m.energy();
        double embodiedGrams = embodied.grams(m.attributed());
        Duration length = !m.length().isNegative() && !m.length().isZero() ? m.length() : Duration.ofMillis(1);
        Intensity run;
        try {
            run = intensity(m.start(), m.start().plus(length));
        } catch (RuntimeException ex) {
            return partial(
                    e,
                    embodiedGrams,
                    null,
                    audioSeconds,
                    "No grid intensity for the run, so no CO2e: " + ex.getMessage());
        }
        Intensity atSubmission;
        try {
            atSubmission = intensity(submittedAt, submittedAt.plus(length));
        } catch (RuntimeException ex) {
            return partial(
                    e,
                    embodiedGrams,
                    run,
                    audioSeconds,
                    "No grid intensity for the submission-time window, so no counterfactual: " + ex.getMessage());
        }
        if (run.signal() != atSubmission.signal()) {
            return partial(
                    e,
                    embodiedGrams,
                    run,
                    audioSeconds,
                    "The feed gave " + run.signal() + " intensity for the run but " + atSubmission.signal()
                            + " at submission; the two are not comparable.");
        }
        CarbonFootprint f = CarbonFootprint.of(
                e,
                run.gPerKwh(),
                atSubmission.gPerKwh(),
                Duration.ofMillis(Math.round(audioSeconds * 1000)),
                embodiedGrams);
        return new JobCarbon(
                f.energyWh(),
                e.method(),
                detail(e, embodiedGrams),
                f.intensityAtRun(),
                f.intensityAtSubmission(),
                run.signal(),
                run.source(),
                f.gCo2e(),
                f.counterfactualGCo2e(),
                f.savedGCo2e(),
                finite(f.sciGPerAudioHour()),
                null,
                parts(e, embodiedGrams));
    }

    private Intensity intensity(Instant from, Instant to) {
        CarbonForecast f = feed.forecast(zone, from, to);
        double mean = f.meanIntensity(from, to)
                .orElseThrow(() -> new IllegalStateException(
                        "the " + f.source() + " feed does not cover " + from + " .. " + to + " in zone " + zone));
        return new Intensity(mean, f.signalType(), f.source());
    }

    private JobCarbon partial(Energy e, double embodiedGrams, Intensity run, double audioSeconds, String note) {
        log.warn(note);
        if (run == null) {
            return new JobCarbon(
                    e.wattHours(),
                    e.method(),
                    detail(e, embodiedGrams),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    note,
                    parts(e, embodiedGrams));
        }
        double g = e.kilowattHours() * run.gPerKwh();
        return new JobCarbon(
                e.wattHours(),
                e.method(),
                detail(e, embodiedGrams),
                run.gPerKwh(),
                null,
                run.signal(),
                run.source(),
                g,
                null,
                null,
                audioSeconds > 0 ? (g + embodiedGrams) / (audioSeconds / 3600) : null,
                note,
                parts(e, embodiedGrams));
    }

    private String detail(Energy e, double embodiedGrams) {
        return e.detail() + String.format(java.util.Locale.ROOT, "; %s: %.4f g", embodied.describe(), embodiedGrams);
    }

    private static JobCarbon.Parts parts(Energy e, double embodiedGrams) {
        return new JobCarbon.Parts(
                e.cpuJoules() / Energy.JOULES_PER_WATT_HOUR,
                e.memoryJoules() / Energy.JOULES_PER_WATT_HOUR,
                e.gpuJoules() / Energy.JOULES_PER_WATT_HOUR,
                embodiedGrams,
                e.modelToCounter());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
