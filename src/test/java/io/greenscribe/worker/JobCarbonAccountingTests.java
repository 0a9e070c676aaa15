package io.greenscribe.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.energy.EmbodiedEmissions;
import io.greenscribe.energy.MeasurementMethod;
import io.greenscribe.energy.SharedEnergyMeter;
import io.greenscribe.energy.estimate.CpuTimeEnergyMeter;
import io.greenscribe.job.JobCarbon;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobCarbonAccountingTests {

    static final double WH_PER_CPU_SECOND = 100 / 3600.0; // the meter below: 100 W over one core

    final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
    final Instant t0 = clock.instant();
    final AtomicLong cpuNanos = new AtomicLong();
    // the grid: 300 g/kWh for the first half hour, then 100
    final StubFeed feed = new StubFeed(clock).serve(t0, Duration.ofMinutes(30), 300, 100, 100, 100);
    // embodied: 1000 g over a 1000 h life, a quarter of the server's vCPUs reserved: 0.25 g per hour of run
    static final double EMBODIED_G_PER_SECOND = 0.25 / 3600;
    final EmbodiedEmissions embodied = new EmbodiedEmissions(1000, Duration.ofHours(1000), 1, 4, "test");
    final JobCarbonAccounting accounting = new JobCarbonAccounting(
            new SharedEnergyMeter(new CpuTimeEnergyMeter(cpuNanos::get, 100, 1, clock)),
            feed,
            GridZone.of("GB"),
            clock,
            embodied);

    JobCarbonAccounting.Measured run(Instant at, Duration length, double cpuSeconds) {
        clock.set(at);
        JobCarbonAccounting.Metering m = accounting.start();
        cpuNanos.addAndGet(Math.round(cpuSeconds * 1e9));
        clock.advance(length);
        return m.stop();
    }

    @Test
    void aShiftedRunIsPricedAtItsOwnWindowAndTheCounterfactualAtSubmission() {
        // given a job submitted in the dirty half hour that ran 10 s in the clean one, burning 2 CPU-s
        Instant submitted = t0.plus(Duration.ofMinutes(5));
        JobCarbonAccounting.Measured m = run(t0.plus(Duration.ofMinutes(40)), Duration.ofSeconds(10), 2);

        // when it is priced with 60 s of audio
        JobCarbon c = accounting.price(m, submitted, 60);

        // then
        double wh = 2 * WH_PER_CPU_SECOND;
        assertThat(c.energyWh()).isCloseTo(wh, within(1e-9));
        assertThat(c.energyMethod()).isEqualTo(MeasurementMethod.CPU_TIME_ESTIMATE);
        assertThat(c.energyDetail()).contains("2.0 CPU-s").contains("no other job ran");
        assertThat(c.intensityAtRun()).isEqualTo(100);
        assertThat(c.intensityAtSubmission()).isEqualTo(300);
        assertThat(c.signalType()).isEqualTo(SignalType.AVERAGE);
        assertThat(c.intensitySource()).isEqualTo("stub");
        assertThat(c.gco2e()).isCloseTo(wh / 1000 * 100, within(1e-12));
        assertThat(c.counterfactualGco2e()).isCloseTo(wh / 1000 * 300, within(1e-12));
        assertThat(c.savingGco2e()).isCloseTo(wh / 1000 * 200, within(1e-12));
        double m10s = 10 * EMBODIED_G_PER_SECOND;
        assertThat(c.parts().embodiedGco2e()).isCloseTo(m10s, within(1e-12));
        assertThat(c.energyDetail()).contains("embodied: 1 kgCO2e per server").contains("1/4 vCPU");
        // SCI = (E × I + M) per audio hour; gco2e itself stays operational
        assertThat(c.sciGPerAudioHour()).isCloseTo((c.gco2e() + m10s) * 60, within(1e-12));
        assertThat(c.parts().cpuWh()).isCloseTo(wh, within(1e-9));
        assertThat(c.parts().memoryWh()).isZero();
        assertThat(c.parts().gpuWh()).isZero();
        assertThat(c.note()).isNull();
    }

    @Test
    void jobsRunningAtOnceShareTheEmbodiedEmissionsByTime() {
        // given two jobs overlapping for 10 of their 20 s each
        clock.set(t0.plus(Duration.ofMinutes(40)));
        JobCarbonAccounting.Metering a = accounting.start();
        clock.advance(Duration.ofSeconds(10));
        JobCarbonAccounting.Metering b = accounting.start();
        clock.advance(Duration.ofSeconds(10));
        JobCarbonAccounting.Measured ma = a.stop();
        clock.advance(Duration.ofSeconds(10));
        JobCarbonAccounting.Measured mb = b.stop();

        // when
        double ea = accounting.price(ma, t0, 60).parts().embodiedGco2e();
        double eb = accounting.price(mb, t0, 60).parts().embodiedGco2e();

        // then each had 10 s alone and half of 10 s together, and the two add up to the 30 s of hardware time
        assertThat(ea).isCloseTo(15 * EMBODIED_G_PER_SECOND, within(1e-12));
        assertThat(eb).isCloseTo(15 * EMBODIED_G_PER_SECOND, within(1e-12));
    }

    @Test
    void aRunAcrossASlotBoundaryIsPricedAtTheTimeWeightedMean() {
        JobCarbonAccounting.Measured m =
                run(t0.plus(Duration.ofMinutes(30)).minusSeconds(5), Duration.ofSeconds(20), 1);
        JobCarbon c = accounting.price(m, m.start(), 20);
        assertThat(c.intensityAtRun()).isCloseTo((5 * 300 + 15 * 100) / 20.0, within(1e-9));
        assertThat(c.intensityAtSubmission()).isEqualTo(c.intensityAtRun());
        assertThat(c.savingGco2e()).isCloseTo(0, within(1e-15));
    }

    @Test
    void whenTheFeedIsDownTheEnergyIsKeptAndTheNoteSaysWhy() {
        JobCarbonAccounting.Measured m = run(t0.plus(Duration.ofMinutes(40)), Duration.ofSeconds(10), 1);
        feed.fail(new CarbonFeedException(CarbonFeedException.Kind.TIMEOUT, "stub", "provider did not answer"));

        JobCarbon c = accounting.price(m, t0, 10);

        assertThat(c.energyWh()).isCloseTo(WH_PER_CPU_SECOND, within(1e-9));
        assertThat(c.energyMethod()).isEqualTo(MeasurementMethod.CPU_TIME_ESTIMATE);
        assertThat(c.gco2e()).isNull();
        assertThat(c.counterfactualGco2e()).isNull();
        assertThat(c.intensityAtRun()).isNull();
        assertThat(c.note()).contains("No grid intensity for the run").contains("provider did not answer");
    }

    @Test
    void whenOnlyTheSubmissionWindowIsUncoveredTheRunIsStillPriced() {
        // given a feed with nothing before t0 and a job submitted an hour before it
        JobCarbonAccounting.Measured m = run(t0.plus(Duration.ofMinutes(40)), Duration.ofSeconds(10), 1);

        JobCarbon c = accounting.price(m, t0.minus(Duration.ofHours(1)), 10);

        assertThat(c.gco2e()).isCloseTo(WH_PER_CPU_SECOND / 1000 * 100, within(1e-12));
        assertThat(c.counterfactualGco2e()).isNull();
        assertThat(c.savingGco2e()).isNull();
        assertThat(c.sciGPerAudioHour()).isCloseTo((c.gco2e() + 10 * EMBODIED_G_PER_SECOND) * 360, within(1e-12));
        assertThat(c.note()).contains("submission-time window");
    }
}
