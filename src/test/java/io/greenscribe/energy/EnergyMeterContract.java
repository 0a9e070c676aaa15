package io.greenscribe.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EnergyMeter} promises. A subclass provides a meter over a fake source and a way
 * to make that source consume a known amount of energy.
 */
public abstract class EnergyMeterContract {

    protected final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");

    protected abstract EnergyMeter meter();

    /** Makes the fake source use {@code joules} over {@code elapsed}, moving {@link #clock}. */
    protected abstract void consume(double joules, Duration elapsed);

    @Test
    void measuresWhatWasConsumedAndSaysHow() {
        // given
        EnergyMeter m = meter();
        EnergySample start = m.start();

        // when
        consume(360, Duration.ofSeconds(10));
        Energy e = m.stop(start);

        // then
        assertThat(e.joules()).isCloseTo(360, within(1e-6));
        assertThat(e.wattHours()).isCloseTo(0.1, within(1e-9));
        assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.method()).isEqualTo(m.method());
        assertThat(e.detail()).isNotBlank();
    }

    @Test
    void nothingConsumedIsZero() {
        EnergyMeter m = meter();
        assertThat(m.stop(m.start()).joules()).isZero();
    }

    @Test
    void overlappingMeasurementsAreIndependent() {
        // given
        EnergyMeter m = meter();
        EnergySample outer = m.start();
        consume(100, Duration.ofSeconds(10));
        EnergySample inner = m.start();

        // when
        consume(200, Duration.ofSeconds(10));
        Energy innerEnergy = m.stop(inner);
        Energy outerEnergy = m.stop(outer);

        // then
        assertThat(innerEnergy.joules()).isCloseTo(200, within(1e-6));
        assertThat(outerEnergy.joules()).isCloseTo(300, within(1e-6));
    }
}
