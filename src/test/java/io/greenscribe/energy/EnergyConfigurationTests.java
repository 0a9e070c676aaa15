package io.greenscribe.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EnergyConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EnergyConfiguration.class)
            .withPropertyValues("greenscribe.energy.gpu=false");

    @Test
    void withoutReadableRaplTheEstimateIsUsed(@TempDir Path empty) {
        runner.withPropertyValues("greenscribe.energy.powercap-root=" + empty).run(ctx ->
                assertThat(ctx.getBean(EnergyMeter.class).method()).isEqualTo(MeasurementMethod.CPU_TIME_ESTIMATE));
    }

    @Test
    void readableRaplIsPreferred(@TempDir Path sysfs) throws Exception {
        Path d = Files.createDirectories(sysfs.resolve("intel-rapl:0"));
        Files.writeString(d.resolve("energy_uj"), "1000\n");
        Files.writeString(d.resolve("max_energy_range_uj"), "262143328850\n");
        runner.withPropertyValues("greenscribe.energy.powercap-root=" + sysfs).run(ctx ->
                assertThat(ctx.getBean(EnergyMeter.class).method()).isEqualTo(MeasurementMethod.RAPL));
    }
}
