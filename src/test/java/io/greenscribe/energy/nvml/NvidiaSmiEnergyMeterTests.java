package io.greenscribe.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergyMeterContract;
import io.greenscribe.energy.EnergySample;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against a fake nvidia-smi whose reported power the test sets. */
class NvidiaSmiEnergyMeterTests extends EnergyMeterContract {

    private volatile String output = "0, 36.00\n";
    private final NvidiaSmiEnergyMeter meter = new NvidiaSmiEnergyMeter(cmd -> output, clock);

    @Override
    protected EnergyMeter meter() {
        return meter;
    }

    @Override
    protected void consume(double joules, Duration elapsed) {
        // constant power: set the same reading before and after, so the trapezoid is exact
        double watts = joules / (elapsed.toNanos() / 1e9);
        output = String.format("0, %.6f%n", watts);
        meter.poll();
        clock.advance(elapsed);
        meter.poll();
        output = "0, 0.0\n";
        meter.poll();
    }

    @Test
    void integratesChangingPowerWithTheTrapezoidRule() {
        // given
        output = "0, 100.0\n1, 50.0\n";
        EnergySample start = meter.start();

        // when power ramps from 150 W to 250 W over 10 s
        clock.advance(Duration.ofSeconds(10));
        output = "0, 150.0\n1, 100.0\n";
        Energy e = meter.stop(start);

        // then
        assertThat(e.joules()).isCloseTo(2000, within(1e-9));
        assertThat(e.averageWatts()).isCloseTo(200, within(1e-9));
        assertThat(e.detail()).contains("2 GPU(s)");
    }

    @Test
    void gpusThatCannotReportPowerAreSkipped() {
        int[] n = new int[1];
        assertThat(NvidiaSmiEnergyMeter.totalWatts("0, [N/A]\n1, 70.5\n", n)).isEqualTo(70.5);
        assertThat(n[0]).isEqualTo(1);
    }

    @Test
    void presentOnlyWhereNvidiaSmiAnswers() {
        assertThat(NvidiaSmiEnergyMeter.present(cmd -> "0, 61.2\n")).isTrue();
        assertThat(NvidiaSmiEnergyMeter.present(cmd -> {
                    throw new IOException("No such file");
                }))
                .isFalse();
        assertThat(NvidiaSmiEnergyMeter.present(cmd -> "0, [N/A]\n")).isFalse();
    }
}
