package io.greenscribe.worker;

import io.greenscribe.job.JobView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What finished jobs used and emitted, as counters a Prometheus scrape of
 * {@code /actuator/prometheus} reads (names there get {@code _total}). Emissions are tagged with the
 * signal type, because average and marginal intensities must never be summed together; the SCI
 * over any period is {@code gco2e_total / (audio_seconds_total / 3600)}, and the per-job summary
 * shows its spread.
 */
class JobMetrics {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(JobView job) {
        String device = job.device() == null ? "unknown" : job.device();
        JobView.Carbon c = job.carbon();
        if (job.audio().durationSeconds() != null) {
            counter("greenscribe.audio.seconds", "Audio transcribed by finished jobs, seconds", device, job.model())
                    .increment(job.audio().durationSeconds());
        }
        if (c.energyWh() != null) {
            Counter.builder("greenscribe.job.energy.wh").description("Energy attributed to finished jobs, Wh")
                    .tags("device", device, "model", job.model(), "method", c.energyMethod())
                    .register(registry).increment(c.energyWh());
        }
        if (c.gco2e() != null) {
            signalCounter("greenscribe.job.gco2e", "Emissions of finished jobs at their run's grid intensity, gCO2e",
                    device, job.model(), c.signalType()).increment(c.gco2e());
        }
        if (c.counterfactualGco2e() != null) {
            signalCounter("greenscribe.job.counterfactual.gco2e",
                    "Emissions had each finished job run at submission, gCO2e", device, job.model(), c.signalType())
                    .increment(c.counterfactualGco2e());
        }
        if (c.sciGco2ePerAudioHour() != null) {
            DistributionSummary.builder("greenscribe.job.sci.gco2e.per.audio.hour")
                    .description("Software Carbon Intensity of each finished job, gCO2e per audio hour (operational)")
                    .tags("model", job.model(), "signal", c.signalType())
                    .register(registry).record(c.sciGco2ePerAudioHour());
        }
    }

    private Counter counter(String name, String description, String device, String model) {
        return Counter.builder(name).description(description).tags("device", device, "model", model).register(registry);
    }

    private Counter signalCounter(String name, String description, String device, String model, String signal) {
        return Counter.builder(name).description(description).tags("device", device, "model", model, "signal", signal)
                .register(registry);
    }
}
