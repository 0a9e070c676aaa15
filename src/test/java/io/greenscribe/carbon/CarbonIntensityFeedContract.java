package io.greenscribe.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CarbonIntensityFeed} promises. A subclass sets up its feed serving a known
 * sample and says which zone and range the sample covers.
 */
public abstract class CarbonIntensityFeedContract {

    protected final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");

    protected abstract CarbonIntensityFeed feed();

    /**
     * What the feed's sample covers.
     *
     * @param zone the zone it serves
     * @param from start of a range the sample covers in full
     * @param to end of that range
     * @param signal the signal type its intensities are
     */
    protected record Sample(GridZone zone, Instant from, Instant to, SignalType signal) {

        public Sample(String zone, String from, String to, SignalType signal) {
            this(GridZone.of(zone), Instant.parse(from), Instant.parse(to), signal);
        }
    }

    protected abstract Sample sample();

    protected final GridZone zone() {
        return sample().zone();
    }

    protected final Instant from() {
        return sample().from();
    }

    protected final Instant to() {
        return sample().to();
    }

    protected final SignalType expectedSignal() {
        return sample().signal();
    }

    @Test
    void forecastIsOrderedInsideTheRangeAndLabelled() {
        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(f.zone()).isEqualTo(zone());
        assertThat(f.signalType()).isEqualTo(expectedSignal());
        assertThat(f.source()).isEqualTo(feed().name());
        assertThat(f.fetchedAt()).isNotNull();
        assertThat(f.slots()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.start()).isAfterOrEqualTo(from());
            assertThat(s.end()).isBeforeOrEqualTo(to());
            assertThat(s.gCo2PerKwh()).isPositive();
        });
        List<IntensitySlot> slots = f.slots();
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).isAfterOrEqualTo(slots.get(i - 1).end());
        }
    }

    @Test
    void aNarrowerRangeIsClippedToIt() {
        // given
        CarbonForecast whole = feed().forecast(zone(), from(), to());
        IntensitySlot first = whole.slots().get(0);
        Instant mid = first.start().plus(first.duration().dividedBy(2));

        // when
        CarbonForecast part = feed().forecast(zone(), mid, to());

        // then
        assertThat(part.slots()).isNotEmpty();
        assertThat(part.slots().get(0).start()).isEqualTo(mid);
        assertThat(part.slots().get(0).gCo2PerKwh()).isEqualTo(first.gCo2PerKwh());
    }

    @Test
    void aRangeOfAFewSecondsIsCoveredToTheMillisecond() {
        // given a job's run of a few seconds that starts and ends between whole seconds
        CarbonForecast whole = feed().forecast(zone(), from(), to());
        IntensitySlot first = whole.slots().get(0);
        Instant start = first.start().plusMillis(1_250);
        Instant end = start.plusMillis(3_500);

        // when
        CarbonForecast run = feed().forecast(zone(), start, end);

        // then the run is covered exactly, at the intensity of the slot it lies in
        assertThat(run.slots()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.start()).isAfterOrEqualTo(start);
            assertThat(s.end()).isBeforeOrEqualTo(end);
        });
        assertThat(run.meanIntensity(start, end)).contains(first.gCo2PerKwh());
    }
}
