package io.greenscribe.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergyMeterContract;
import io.greenscribe.energy.MeasurementMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuTimeEnergyMeterTests extends EnergyMeterContract {

    // 80 W over 8 cores: a busy core is worth 10 W
    private final AtomicLong cpuNanos = new AtomicLong(5_000_000_000L);
    private final CpuTimeEnergyMeter meter = new CpuTimeEnergyMeter(cpuNanos::get, 80, 8, clock);

    @Override
    protected EnergyMeter meter() {
        return meter;
    }

    @Override
    protected void consume(double joules, Duration elapsed) {
        cpuNanos.addAndGet((long) (joules / 10 * 1e9));
        clock.advance(elapsed);
    }

    @Test
    void twoBusyCoresForAnHourAreTwoFifthsOfTheTdp() {
        // given
        var start = meter.start();

        // when 2 cores are busy for one hour
        cpuNanos.addAndGet(Duration.ofHours(2).toNanos());
        clock.advance(Duration.ofHours(1));
        var e = meter.stop(start);

        // then 2 × 10 W × 1 h
        assertThat(e.wattHours()).isCloseTo(20, within(1e-9));
        assertThat(e.method()).isEqualTo(MeasurementMethod.CPU_TIME_ESTIMATE);
        assertThat(e.detail()).contains("estimate");
    }

    @Test
    void readsThisJvmsCpuTime() {
        assertThat(CpuTimeEnergyMeter.processCpuTime().getAsLong()).isPositive();
    }
}
