package io.greenscribe.worker;

import io.greenscribe.job.JobView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import lombok.RequiredArgsConstructor;

/**
 * What finished jobs used and emitted, as counters a Prometheus scrape of
 * {@code /actuator/prometheus} reads (names there get {@code _total}). Emissions are tagged with the
 * signal type, because average and marginal intensities must never be summed together; energy is
 * split by part (cpu, memory, gpu), and embodied emissions are a series of their own. The SCI over
 * any period is {@code (gco2e_total + embodied_gco2e_total) / (audio_seconds_total / 3600)}, and
 * the per-job summary shows its spread.
 */
@RequiredArgsConstructor
class JobMetrics {

    private final MeterRegistry registry;

    void record(JobView job) {
        String device = job.device() == null ? "unknown" : job.device();
        JobView.Carbon c = job.carbon();
        if (job.audio().durationSeconds() != null) {
            counter("greenscribe.audio.seconds", "Audio transcribed by finished jobs, seconds", device, job.model())
                    .increment(job.audio().durationSeconds());
        }
        if (c.energyWh() != null) {
            // split by part; a job measured before the split existed counts as cpu
            boolean split = c.energyCpuWh() != null;
            energy(device, job.model(), c.energyMethod(), "cpu", split ? c.energyCpuWh() : c.energyWh());
            energy(device, job.model(), c.energyMethod(), "memory", split ? c.energyMemoryWh() : 0);
            energy(device, job.model(), c.energyMethod(), "gpu", split ? c.energyGpuWh() : 0);
        }
        if (c.embodiedGco2e() != null) {
            counter(
                            "greenscribe.job.embodied.gco2e",
                            "Embodied emissions of the hardware apportioned to finished jobs (SCI's M), gCO2e",
                            device,
                            job.model())
                    .increment(c.embodiedGco2e());
        }
        if (c.modelToCounter() != null) {
            DistributionSummary.builder("greenscribe.energy.model.to.counter.ratio")
                    .description("The power model's estimate over the energy counter's reading, per finished job")
                    .tags("method", c.energyMethod())
                    .register(registry)
                    .record(c.modelToCounter());
        }
        if (c.gco2e() != null) {
            signalCounter(
                            "greenscribe.job.gco2e",
                            "Emissions of finished jobs at their run's grid intensity, gCO2e",
                            device,
                            job.model(),
                            c.signalType())
                    .increment(c.gco2e());
        }
        if (c.counterfactualGco2e() != null) {
            signalCounter(
                            "greenscribe.job.counterfactual.gco2e",
                            "Emissions had each finished job run at submission, gCO2e",
                            device,
                            job.model(),
                            c.signalType())
                    .increment(c.counterfactualGco2e());
        }
        if (c.sciGco2ePerAudioHour() != null) {
            DistributionSummary.builder("greenscribe.job.sci.gco2e.per.audio.hour")
                    .description(
                            "Software Carbon Intensity of each finished job, (operational + embodied) gCO2e per audio hour")
                    .tags("model", job.model(), "signal", c.signalType())
                    .register(registry)
                    .record(c.sciGco2ePerAudioHour());
        }
    }

    private void energy(String device, String model, String method, String part, Double wh) {
        Counter.builder("greenscribe.job.energy.wh")
                .description("Energy attributed to finished jobs, Wh")
                .tags("device", device, "model", model, "method", method, "part", part)
                .register(registry)
                .increment(wh == null ? 0 : wh);
    }

    private Counter counter(String name, String description, String device, String model) {
        return Counter.builder(name)
                .description(description)
                .tags("device", device, "model", model)
                .register(registry);
    }

    private Counter signalCounter(String name, String description, String device, String model, String signal) {
        return Counter.builder(name)
                .description(description)
                .tags("device", device, "model", model, "signal", signal)
                .register(registry);
    }
}
