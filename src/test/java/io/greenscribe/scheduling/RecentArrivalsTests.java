package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The work the last day's arrivals let the global schedule expect. */
class RecentArrivalsTests {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @Test
    void eachArrivalIsExpectedAgainOneDayLaterOnceWhateverHowOftenItIsPlanned() {
        // given two arrivals on one device, one planned three times, and one on another device
        RecentArrivals arrivals = new RecentArrivals(DAY);
        for (int i = 0; i < 3; i++) {
            arrivals.arrived(TestIds.id("a"), T0, "gpu", Duration.ofHours(8), Duration.ofHours(1), true);
        }
        arrivals.arrived(TestIds.id("b"), T0, "gpu", Duration.ofHours(8), Duration.ofHours(1), true);
        arrivals.arrived(TestIds.id("c"), T0, "cpu", Duration.ofHours(8), Duration.ofHours(1), true);

        // when the work expected on the device is asked for, two hours on, over the next two days
        var expected = arrivals.expected(
                "gpu",
                T0.plus(Duration.ofHours(2)).getEpochSecond(),
                T0.plus(DAY.multipliedBy(2)).getEpochSecond());

        // then it is one class of two jobs a day later, and another two days later, with their slack
        assertThat(expected).hasSize(2);
        assertThat(expected).allSatisfy(x -> assertThat(x.count()).isEqualTo(2));
        assertThat(expected.get(0).work().earliest()).isEqualTo(T0.plus(DAY).getEpochSecond());
        assertThat(expected.get(0).work().latestStart() - expected.get(0).work().earliest())
                .isEqualTo(8 * 3600);
    }

    @Test
    void anArrivalOlderThanThePeriodIsForgotten() {
        RecentArrivals arrivals = new RecentArrivals(DAY);
        arrivals.arrived(TestIds.id("a"), T0, "gpu", Duration.ofHours(8), Duration.ofHours(1), true);

        long later = T0.plus(DAY).plusSeconds(1).getEpochSecond();

        assertThat(arrivals.expected("gpu", later, later + 3 * 86_400)).isEmpty();
    }
}
