package io.greenscribe.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergyMeterContract;
import io.greenscribe.energy.EnergySample;
import io.greenscribe.energy.MeasurementMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerModelEnergyMeterTests extends EnergyMeterContract {

    // the contract's fake: 2 vCPUs at 0.5 W idle, 20.5 W busy, no memory; 10 s idle is 10 J
    final AtomicLong cpuNanos = new AtomicLong();
    final AtomicLong rss = new AtomicLong();
    final PowerModelEnergyMeter contractMeter = new PowerModelEnergyMeter(
            cpuNanos::get, rss::get, 2, new PowerCoefficients.CpuPower("test", 0.5, 20.5, "test"), 0, clock);

    @Override
    protected EnergyMeter meter() {
        return contractMeter;
    }

    @Override
    protected void consume(double joules, Duration elapsed) {
        double idle = 2 * 0.5 * elapsed.toSeconds();
        cpuNanos.addAndGet(Math.round((joules - idle) / 20.0 * 1e9));
        clock.advance(elapsed);
    }

    /**
     * The bar: on this VM (2 vCPUs, /proc/cpuinfo "AMD EPYC", no RAPL) the estimate for a job
     * equals CCF's method worked by hand for the same vCPU-hours and utilisation, within ±5 %.
     */
    @Test
    void onThisVmTheEstimateIsCcfsMethodByHand(@TempDir Path tmp) throws Exception {
        // given this VM's CPU as /proc/cpuinfo names it, and the coefficients shipped
        Path cpuinfo = Files.writeString(
                tmp.resolve("cpuinfo"),
                "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\nmodel name\t: AMD EPYC\n");
        PowerCoefficients coefficients = PowerCoefficients.load();
        PowerCoefficients.CpuPower cpu = coefficients.cpu(PowerModelEnergyMeter.cpuModelName(cpuinfo), null);
        PowerModelEnergyMeter meter =
                new PowerModelEnergyMeter(cpuNanos::get, rss::get, 2, cpu, coefficients.memoryWattsPerGb(), clock);

        // when a job runs 22 min of wall time, recording 98.9 CPU-s, with 600 MB resident throughout
        rss.set(600_000_000L);
        EnergySample start = meter.start();
        cpuNanos.addAndGet(98_900_000_000L);
        clock.advance(Duration.ofMinutes(22));
        Energy e = meter.stop(start);

        // then, by hand (CCF methodology, Compute and Memory; AWS averages for an unknown CPU):
        //   vCPU-hours = 2 × 22/60 = 0.7333 h; utilisation = 98.9 / (2 × 1320) = 0.03746
        //   average W per vCPU = 0.74 + 0.03746 × (3.5 − 0.74) = 0.8434 W → 0.8434 × 0.7333 = 0.6185 Wh
        //   memory = 0.6 GB × 0.392 W/GB × 22/60 h = 0.08624 Wh
        double vcpuHours = 2 * 22 / 60.0;
        double u = 98.9 / (2 * 22 * 60.0);
        double cpuWh = (0.74 + u * (3.5 - 0.74)) * vcpuHours;
        double memoryWh = 0.6 * 0.392 * 22 / 60.0;
        assertThat(cpuWh).isCloseTo(0.6185, within(0.0005));
        assertThat(e.cpuJoules() / 3600).isCloseTo(cpuWh, within(cpuWh * 0.05));
        assertThat(e.memoryJoules() / 3600).isCloseTo(memoryWh, within(memoryWh * 0.05));
        assertThat(e.gpuJoules()).isZero();
        assertThat(e.method()).isEqualTo(MeasurementMethod.POWER_MODEL);
        assertThat(e.detail())
                .startsWith("power model: 2 vCPU × (0.74 + u × 2.76) W, AWS average, CCF")
                .contains("u = 0.037")
                .contains("0.392 W/GB × 0.60 GB resident");
        // and the old meter's figure for the same job (85 W TDP / 2 cores × 98.9 CPU-s = 1.17 Wh) is ~1.9× this one
        assertThat(98.9 * 85 / 2 / 3600 / (e.wattHours())).isGreaterThan(1.5);
    }

    @Test
    void cpuTimeBeyondTheVcpusIsCappedAtFullLoad() {
        EnergySample start = contractMeter.start();
        cpuNanos.addAndGet(50_000_000_000L); // 50 CPU-s in 10 s on 2 vCPUs: impossible, e.g. a clock step
        clock.advance(Duration.ofSeconds(10));
        Energy e = contractMeter.stop(start);
        assertThat(e.cpuJoules()).isCloseTo(2 * 20.5 * 10, within(1e-9));
        assertThat(e.detail()).contains("u = 1.000");
    }

    @Test
    void aPollBetweenStartAndStopCatchesAPeakInTheResidentSet() {
        PowerModelEnergyMeter m = new PowerModelEnergyMeter(
                cpuNanos::get, rss::get, 1, new PowerCoefficients.CpuPower("t", 0, 0, "t"), 1.0, clock);
        EnergySample start = m.start(); // 0 GB
        clock.advance(Duration.ofSeconds(10));
        rss.set(2_000_000_000L);
        m.poll(); // 2 GB after 10 s
        clock.advance(Duration.ofSeconds(10));
        rss.set(0);
        Energy e = m.stop(start); // 0 GB after 20 s
        assertThat(e.memoryJoules()).isCloseTo(1.0 * (10 * 1 + 10 * 1), within(1e-9)); // two triangles of 10 GB·s
        assertThat(e.detail()).contains("× 1.00 GB resident (mean)");
    }

    @Test
    void memoryIsTheMeanOfTheResidentSetAtStartAndStop() {
        PowerModelEnergyMeter m = new PowerModelEnergyMeter(
                cpuNanos::get, rss::get, 1, new PowerCoefficients.CpuPower("t", 0, 0, "t"), 0.4, clock);
        rss.set(1_000_000_000L);
        EnergySample start = m.start();
        rss.set(3_000_000_000L);
        clock.advance(Duration.ofSeconds(100));
        assertThat(m.stop(start).memoryJoules()).isCloseTo(0.4 * 2 * 100, within(1e-9));
    }

    @Test
    void thisProcessHasAResidentSet() {
        assertThat(PowerModelEnergyMeter.processResidentBytes().getAsLong()).isPositive();
    }
}
