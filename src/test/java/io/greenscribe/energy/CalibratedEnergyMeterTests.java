package io.greenscribe.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.energy.estimate.PowerCoefficients;
import io.greenscribe.energy.estimate.PowerModelEnergyMeter;
import io.greenscribe.energy.rapl.RaplEnergyMeter;
import io.greenscribe.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where RAPL is readable (a fake powercap tree), the counter wins and the model's ratio to it is recorded. */
class CalibratedEnergyMeterTests {

    final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
    final AtomicLong cpuNanos = new AtomicLong();

    @Test
    void theCounterWinsAndTheModelsRatioIsRecorded(@TempDir Path powercap) throws Exception {
        // given a package and a DRAM domain, and the model at 1 vCPU × (1 + u × 9) W, no memory term
        Path pkg = Files.createDirectories(powercap.resolve("intel-rapl:0"));
        Files.writeString(pkg.resolve("name"), "package-0\n");
        Files.writeString(pkg.resolve("energy_uj"), "1000000\n");
        Path dram = Files.createDirectories(pkg.resolve("intel-rapl:0:2"));
        Files.writeString(dram.resolve("name"), "dram\n");
        Files.writeString(dram.resolve("energy_uj"), "0\n");
        EnergyMeter meter = new CalibratedEnergyMeter(
                new RaplEnergyMeter(powercap, clock),
                new PowerModelEnergyMeter(
                        cpuNanos::get, () -> 0L, 1, new PowerCoefficients.CpuPower("test", 1, 10, "test"), 0, clock));
        EnergySample start = meter.start();

        // when 10 s pass with 5 CPU-s: the model says 1 × 10 + 9 × 5 = 55 J; RAPL reads 100 J package + 10 J DRAM
        cpuNanos.addAndGet(5_000_000_000L);
        clock.advance(Duration.ofSeconds(10));
        Files.writeString(pkg.resolve("energy_uj"), "101000000\n");
        Files.writeString(dram.resolve("energy_uj"), "10000000\n");
        Energy e = meter.stop(start);

        // then
        assertThat(e.method()).isEqualTo(MeasurementMethod.RAPL);
        assertThat(e.cpuJoules()).isCloseTo(100, within(1e-9));
        assertThat(e.memoryJoules()).isCloseTo(10, within(1e-9));
        assertThat(e.modelToCounter()).isCloseTo(55 / 110.0, within(1e-9));
        assertThat(e.detail())
                .startsWith("RAPL package-0+dram")
                .contains("power model: 1 vCPU × (1 + u × 9) W")
                .contains("model/counter = 0.500");
    }

    @Test
    void theRatioSurvivesTheJobsShareAndThePue(@TempDir Path powercap) throws Exception {
        Path pkg = Files.createDirectories(powercap.resolve("intel-rapl:0"));
        Files.writeString(pkg.resolve("energy_uj"), "0\n");
        EnergyMeter calibrated = new CalibratedEnergyMeter(
                new RaplEnergyMeter(powercap, clock),
                new PowerModelEnergyMeter(
                        cpuNanos::get, () -> 0L, 1, new PowerCoefficients.CpuPower("test", 2, 2, "test"), 0, clock));
        SharedEnergyMeter shared = new SharedEnergyMeter(new PueEnergyMeter(calibrated, 1.5, "test"));
        SharedEnergyMeter.Run run = shared.start();

        clock.advance(Duration.ofSeconds(10)); // model: 20 J
        Files.writeString(pkg.resolve("energy_uj"), "40000000\n"); // RAPL: 40 J
        Energy e = shared.stop(run);

        assertThat(e.joules()).isCloseTo(60, within(1e-9)); // 40 J × PUE 1.5
        assertThat(e.modelToCounter()).isCloseTo(0.5, within(1e-9));
        assertThat(e.detail()).contains("× PUE 1.5 (test)");
    }
}
