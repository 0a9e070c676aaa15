package io.greenscribe.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EnergyConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EnergyConfiguration.class)
            .withPropertyValues("greenscribe.energy.gpu=false");

    @Test
    void withoutReadableRaplTheEstimateIsUsed(@TempDir Path empty) {
        runner.withPropertyValues("greenscribe.energy.powercap-root=" + empty)
                .run(ctx ->
                        assertThat(ctx.getBean(EnergyMeter.class).method()).isEqualTo(MeasurementMethod.POWER_MODEL));
    }

    @Test
    void onAVmThatHidesItsCpuTheModelTakesCcfsAwsAverageAndTheOnPremisesPue(@TempDir Path tmp) throws Exception {
        Path cpuinfo = Files.writeString(tmp.resolve("cpuinfo"), "model name\t: AMD EPYC\n");
        runner.withPropertyValues(
                        "greenscribe.energy.powercap-root=" + tmp.resolve("none"),
                        "greenscribe.energy.cpuinfo=" + cpuinfo,
                        "greenscribe.energy.vcpus=2")
                .run(ctx -> {
                    EnergyMeter m = ctx.getBean(EnergyMeter.class);
                    Energy e = m.stop(m.start());
                    assertThat(e.detail())
                            .startsWith("power model: 2 vCPU × (0.74 + u × 2.76) W, AWS average, CCF")
                            .endsWith("× PUE 1.0 (on-premises, CCF)");
                    EmbodiedEmissions embodied = ctx.getBean(EmbodiedEmissions.class);
                    assertThat(embodied.serverGrams()).isEqualTo(1_000_000);
                    assertThat(embodied.reservedVcpus()).isEqualTo(2);
                    assertThat(embodied.serverVcpus()).isEqualTo(2);
                });
    }

    @Test
    void aCloudSiteTakesItsPueAndTheHostsVcpusShareTheEmbodiedEmissions(@TempDir Path tmp) {
        runner.withPropertyValues(
                        "greenscribe.energy.powercap-root=" + tmp,
                        "greenscribe.energy.site=aws",
                        "greenscribe.energy.vcpus=2",
                        "greenscribe.energy.embodied.server-vcpus=96")
                .run(ctx -> {
                    EnergyMeter m = ctx.getBean(EnergyMeter.class);
                    assertThat(m.stop(m.start()).detail()).endsWith("× PUE 1.135 (aws, CCF)");
                    assertThat(ctx.getBean(EmbodiedEmissions.class).grams(Duration.ofHours(1)))
                            .isCloseTo(1_000_000 / (4 * 365 * 24.0) * 2 / 96, within(1e-6));
                });
    }

    @Test
    void readableRaplWinsAndIsCalibratedAgainstTheModel(@TempDir Path sysfs) throws Exception {
        Path d = Files.createDirectories(sysfs.resolve("intel-rapl:0"));
        Files.writeString(d.resolve("energy_uj"), "1000\n");
        runner.withPropertyValues("greenscribe.energy.powercap-root=" + sysfs).run(ctx -> {
            EnergyMeter m = ctx.getBean(EnergyMeter.class);
            EnergySample start = m.start();
            Files.writeString(d.resolve("energy_uj"), "5001000\n");
            Energy e = m.stop(start);
            assertThat(m.method()).isEqualTo(MeasurementMethod.RAPL);
            assertThat(e.joules()).isCloseTo(5, within(1e-9));
            assertThat(e.modelToCounter()).isNotNull();
            assertThat(e.detail()).contains("model/counter = ");
        });
    }

    @Test
    void readableRaplIsPreferred(@TempDir Path sysfs) throws Exception {
        Path d = Files.createDirectories(sysfs.resolve("intel-rapl:0"));
        Files.writeString(d.resolve("energy_uj"), "1000\n");
        Files.writeString(d.resolve("max_energy_range_uj"), "262143328850\n");
        runner.withPropertyValues("greenscribe.energy.powercap-root=" + sysfs)
                .run(ctx -> assertThat(ctx.getBean(EnergyMeter.class).method()).isEqualTo(MeasurementMethod.RAPL));
    }
}
