package io.greenscribe.energy.rapl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergyMeterContract;
import io.greenscribe.energy.EnergySample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake sysfs tree laid out as the kernel does. */
class RaplEnergyMeterTests extends EnergyMeterContract {

    static final long MAX = 262_143_328_850L; // a real max_energy_range_uj

    @TempDir
    Path sysfs;

    private RaplEnergyMeter meter;

    @BeforeEach
    void fakeSysfs() {
        domain("intel-rapl:0", "package-0", MAX - 50_000_000L);
        domain("intel-rapl:0:0", "core", 7); // sub-domain: already inside the package
        meter = new RaplEnergyMeter(sysfs, clock);
    }

    @Override
    protected EnergyMeter meter() {
        return meter;
    }

    @Override
    protected void consume(double joules, Duration elapsed) {
        bump("intel-rapl:0", (long) (joules * 1e6));
        clock.advance(elapsed);
    }

    @Test
    void aCounterWrapAroundIsCountedAcrossTheRange() {
        // given the counter 50 J below its maximum
        EnergySample start = meter.start();

        // when 80 J pass: the counter wraps to 30 J
        write("intel-rapl:0", 30_000_000L);
        clock.advance(Duration.ofSeconds(1));
        Energy e = meter.stop(start);

        // then
        assertThat(e.joules()).isCloseTo(80, within(1e-6));
        assertThat(e.detail()).contains("package-0");
    }

    @Test
    void pollingBetweenWrapsCountsMoreThanOneFullRange() {
        // given the counter 50 J below its maximum
        EnergySample start = meter.start();

        // when it wraps, climbs almost the whole range, and wraps again, polled in between
        write("intel-rapl:0", 20_000_000L);
        meter.poll();
        write("intel-rapl:0", MAX - 10_000_000L);
        meter.poll();
        write("intel-rapl:0", 5_000_000L);
        Energy e = meter.stop(start);

        // then: 50 + 20 J, then MAX - 30 J, then 10 + 5 J
        assertThat(e.joules()).isCloseTo(70 + (MAX / 1e6 - 30) + 15, within(1e-6));
    }

    @Test
    void packagesAreSummed() {
        domain("intel-rapl:1", "package-1", 1_000_000L);
        RaplEnergyMeter two = new RaplEnergyMeter(sysfs, clock);
        EnergySample start = two.start();
        bump("intel-rapl:0", 2_000_000L);
        bump("intel-rapl:1", 3_000_000L);
        assertThat(two.stop(start).joules()).isCloseTo(5, within(1e-9));
    }

    @Test
    void theDramDomainIsMemoryAndTheOtherSubDomainsAreNotCountedAgain() {
        // given a package with core (inside the package figure) and dram (outside it) sub-domains,
        // nested in the package's folder as sysfs has them
        domain("intel-rapl:0/intel-rapl:0:1", "dram", 10);
        RaplEnergyMeter withDram = new RaplEnergyMeter(sysfs, clock);
        EnergySample start = withDram.start();

        // when
        bump("intel-rapl:0", 4_000_000L);
        bump("intel-rapl:0:0", 3_000_000L);
        bump("intel-rapl:0/intel-rapl:0:1", 1_500_000L);
        Energy e = withDram.stop(start);

        // then
        assertThat(e.cpuJoules()).isCloseTo(4, within(1e-9));
        assertThat(e.memoryJoules()).isCloseTo(1.5, within(1e-9));
        assertThat(e.joules()).isCloseTo(5.5, within(1e-9));
        assertThat(e.detail()).contains("package-0+dram").contains("and DRAM");
    }

    @Test
    void aPlatformDomainIsSkippedBecauseItHoldsThePackage() {
        domain("intel-rapl:1", "psys", 1_000_000L);
        RaplEnergyMeter m = new RaplEnergyMeter(sysfs, clock);
        EnergySample start = m.start();
        bump("intel-rapl:0", 2_000_000L);
        bump("intel-rapl:1", 9_000_000L);
        assertThat(m.stop(start).joules()).isCloseTo(2, within(1e-9));
    }

    @Test
    void readableOnlyWhereCountersExist(@TempDir Path empty) {
        assertThat(RaplEnergyMeter.readable(sysfs)).isTrue();
        assertThat(RaplEnergyMeter.readable(empty)).isFalse();
        assertThat(RaplEnergyMeter.readable(empty.resolve("missing"))).isFalse();
    }

    private void domain(String dir, String name, long energy) {
        try {
            Path d = Files.createDirectories(sysfs.resolve(dir));
            Files.writeString(d.resolve("name"), name + "\n");
            Files.writeString(d.resolve("max_energy_range_uj"), MAX + "\n");
            Files.writeString(d.resolve("energy_uj"), energy + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bump(String dir, long microJoules) {
        long now = read(dir);
        long next = now + microJoules;
        write(dir, next > MAX ? next - MAX : next);
    }

    private long read(String dir) {
        try {
            return Long.parseLong(
                    Files.readString(sysfs.resolve(dir).resolve("energy_uj")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String dir, long value) {
        try {
            Files.writeString(sysfs.resolve(dir).resolve("energy_uj"), value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
