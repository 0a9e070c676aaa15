package io.greenscribe.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.energy.estimate.CpuTimeEnergyMeter;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedEnergyMeterTests {

    final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
    final AtomicLong cpuNanos = new AtomicLong();
    // 100 W over 1 core: each CPU second the process burns is 100 J
    final SharedEnergyMeter meter = new SharedEnergyMeter(new CpuTimeEnergyMeter(cpuNanos::get, 100, 1, clock));

    void burn(double cpuSeconds) {
        cpuNanos.addAndGet(Math.round(cpuSeconds * 1e9));
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void aJobAloneGetsAllTheMeterMeasuredDuringItsRun() {
        // when
        SharedEnergyMeter.Run run = meter.start();
        burn(3);
        Energy e = meter.stop(run);

        // then
        assertThat(e.joules()).isCloseTo(300, within(1e-9));
        assertThat(e.method()).isEqualTo(MeasurementMethod.CPU_TIME_ESTIMATE);
        assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.detail()).contains("3.0 CPU-s").contains("no other job ran");
    }

    @Test
    void overlappingJobsSplitEachStretchEquallyAndTheSharesAddUp() {
        // given A alone for 1 CPU-s, A and B together for 2 CPU-s, B alone for 0.5 CPU-s
        SharedEnergyMeter.Run a = meter.start();
        burn(1);
        SharedEnergyMeter.Run b = meter.start();
        burn(2);
        Energy ea = meter.stop(a);
        burn(0.5);
        Energy eb = meter.stop(b);

        // then A = 100 + 200 / 2, B = 200 / 2 + 50, nothing counted twice
        assertThat(ea.joules()).isCloseTo(200, within(1e-6));
        assertThat(eb.joules()).isCloseTo(150, within(1e-6));
        assertThat(ea.joules() + eb.joules()).isCloseTo(350, within(1e-6));
        assertThat(ea.detail()).contains("split equally").contains("up to 2").contains("share 0.0556 Wh");
        assertThat(eb.detail()).contains("split equally");
    }

    @Test
    void energyWhileNoJobRunsIsNobodys() {
        SharedEnergyMeter.Run a = meter.start();
        burn(1);
        meter.stop(a);
        burn(10); // the server idles, or serves the API, between jobs
        SharedEnergyMeter.Run b = meter.start();
        burn(0.25);
        assertThat(meter.stop(b).joules()).isCloseTo(25, within(1e-6));
    }

    @Test
    void aRunStopsOnce() {
        SharedEnergyMeter.Run a = meter.start();
        meter.stop(a);
        assertThatThrownBy(() -> meter.stop(a)).isInstanceOf(IllegalStateException.class);
    }
}
