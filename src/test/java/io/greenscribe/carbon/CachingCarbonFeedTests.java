package io.greenscribe.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class CachingCarbonFeedTests {

    static final GridZone GB = GridZone.of("GB");
    final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
    final StubFeed stub = new StubFeed(clock).serve(clock.instant(), Duration.ofMinutes(30), 100, 200, 300, 400);
    final CachingCarbonFeed feed = new CachingCarbonFeed(stub, Duration.ofMinutes(15), clock);
    final Instant t0 = clock.instant();

    @Test
    void aFreshForecastIsServedFromTheCache() {
        // when
        feed.forecast(GB, t0, t0.plusSeconds(7200));
        clock.advance(Duration.ofMinutes(10));
        CarbonForecast later = feed.forecast(GB, clock.instant(), t0.plusSeconds(3600));

        // then
        assertThat(stub.calls()).isEqualTo(1);
        assertThat(later.slots().get(0).start()).isEqualTo(clock.instant());
        assertThat(later.slots().get(later.slots().size() - 1).end()).isEqualTo(t0.plusSeconds(3600));
    }

    @Test
    void anExpiredForecastIsFetchedAgain() {
        feed.forecast(GB, t0, t0.plusSeconds(7200));
        clock.advance(Duration.ofMinutes(15));
        feed.forecast(GB, clock.instant(), t0.plusSeconds(7200));
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void zonesAreCachedApart() {
        feed.forecast(GB, t0, t0.plusSeconds(7200));
        feed.forecast(GridZone.of("DE"), t0, t0.plusSeconds(7200));
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void failuresAreNotCached() {
        stub.fail(new CarbonFeedException(Kind.TIMEOUT, "stub", "slow"));
        assertThatThrownBy(() -> feed.forecast(GB, t0, t0.plusSeconds(7200))).isInstanceOf(CarbonFeedException.class);
        stub.serve(t0, Duration.ofMinutes(30), 100, 200);
        assertThat(feed.forecast(GB, t0, t0.plusSeconds(3600)).slots()).hasSize(2);
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void requestsSlidingForwardWithTheClockCostOneCall() {
        // given a provider whose horizon (2 h) is shorter than what the planner asks for (72 h)
        for (int minute = 0; minute < 10; minute++) {
            // when the planner asks for "now until the horizon" as the clock moves on
            Instant now = clock.instant();
            CarbonForecast f = feed.forecast(GB, now, now.plus(Duration.ofHours(72)));

            // then each answer starts now and holds what the provider has
            assertThat(f.slots().get(0).start()).isEqualTo(now);
            assertThat(f.slots().get(f.slots().size() - 1).end()).isEqualTo(t0.plus(Duration.ofHours(2)));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(stub.calls()).isEqualTo(1);
    }

    @Test
    void windowsOfDifferentJobsAreKeptSideBySide() {
        // given a job's run 40 minutes in (second slot) and its submission at t0 (first slot)
        Instant run = t0.plus(Duration.ofMinutes(40));
        Instant submitted = t0;

        // when each is asked for, and the run again
        double atRun = feed.forecast(GB, run, run.plusSeconds(5))
                .meanIntensity(run, run.plusSeconds(5))
                .orElseThrow();
        double atSubmission = feed.forecast(GB, submitted, submitted.plusSeconds(5))
                .meanIntensity(submitted, submitted.plusSeconds(5))
                .orElseThrow();
        feed.forecast(GB, run.plusSeconds(1), run.plusSeconds(4));

        // then each window has its own slot, and the earlier window did not evict the run's
        assertThat(atRun).isEqualTo(200);
        assertThat(atSubmission).isEqualTo(100);
        assertThat(stub.calls()).isEqualTo(2);
    }

    /**
     * The regression behind per-job accounting coming back empty: a provider that answered short of
     * the window asked for (here it clips to whole seconds, as the trace feed did) made the cache take
     * the shortfall for the provider's horizon and serve that one short forecast, trimmed to nothing,
     * to every later window of the zone until the TTL ran out.
     */
    @Test
    void aForecastThatEndedShortDoesNotAnswerALaterWindow() {
        // given a provider that stops at the whole second before the end asked for
        CarbonIntensityFeed clipping = new CarbonIntensityFeed() {
            @Override
            public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
                return stub.forecast(zone, from.truncatedTo(ChronoUnit.SECONDS), to.truncatedTo(ChronoUnit.SECONDS));
            }

            @Override
            public String name() {
                return "clipping";
            }
        };
        CachingCarbonFeed cached = new CachingCarbonFeed(clipping, Duration.ofMinutes(15), clock);
        Instant firstJob = t0.plusMillis(1_250);
        cached.forecast(GB, firstJob, firstJob.plusMillis(3_500));

        // when a later job, one second on, asks for its own run
        Instant secondJob = t0.plusMillis(6_500);
        CarbonForecast later = cached.forecast(GB, secondJob, secondJob.plusMillis(4_000));

        // then it gets the slot it ran in, not an empty forecast
        assertThat(later.slots()).isNotEmpty();
        assertThat(later.slots().get(0).start()).isEqualTo(secondJob);
        assertThat(later.slots().get(0).gCo2PerKwh()).isEqualTo(100);
    }
}
