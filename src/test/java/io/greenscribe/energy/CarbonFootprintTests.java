package io.greenscribe.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CarbonFootprintTests {

    @Test
    void emissionsAreEnergyTimesIntensityWithTheCounterfactual() {
        // given 360 kJ = 100 Wh, run at 150 g/kWh instead of 250 at submission, 2 h of audio
        Energy e = Energy.cpu(360_000, Duration.ofMinutes(30), MeasurementMethod.RAPL, "package-0");

        // when
        CarbonFootprint f = CarbonFootprint.of(e, 150, 250, Duration.ofHours(2), 0);

        // then
        assertThat(f.energyWh()).isCloseTo(100, within(1e-9));
        assertThat(f.gCo2e()).isCloseTo(15, within(1e-9));
        assertThat(f.counterfactualGCo2e()).isCloseTo(25, within(1e-9));
        assertThat(f.savedGCo2e()).isCloseTo(10, within(1e-9));
        assertThat(f.savedPct()).isCloseTo(40, within(1e-9));
        assertThat(f.sciGPerAudioHour()).isCloseTo(7.5, within(1e-9));
        assertThat(f.energyMethod()).isEqualTo(MeasurementMethod.RAPL);
    }

    @Test
    void sciAddsEmbodiedEmissions() {
        Energy e = Energy.gpu(3_600_000, Duration.ofHours(1), MeasurementMethod.NVML, "gpu");
        CarbonFootprint f = CarbonFootprint.of(e, 200, 200, Duration.ofMinutes(30), 5);
        assertThat(f.gCo2e()).isCloseTo(200, within(1e-9));
        assertThat(f.savedPct()).isZero();
        assertThat(f.sciGPerAudioHour()).isCloseTo((200 + 5) / 0.5, within(1e-9));
    }

    @Test
    void energyUnitsConvert() {
        Energy e = Energy.cpu(7_200, Duration.ofSeconds(60), MeasurementMethod.CPU_TIME_ESTIMATE, "x");
        assertThat(e.wattHours()).isEqualTo(2.0);
        assertThat(e.kilowattHours()).isEqualTo(0.002);
        assertThat(e.averageWatts()).isEqualTo(120.0);
    }

    @Test
    void combinedFiguresSayWhatTheyCombine() {
        Energy cpu = Energy.cpu(100, Duration.ofSeconds(10), MeasurementMethod.RAPL, "package-0");
        Energy gpu = Energy.gpu(300, Duration.ofSeconds(10), MeasurementMethod.NVML, "1 GPU");
        Energy both = cpu.plus(gpu);
        assertThat(both.joules()).isEqualTo(400);
        assertThat(both.method()).isEqualTo(MeasurementMethod.COMBINED);
        assertThat(both.detail()).contains("RAPL").contains("NVML");
    }
}
