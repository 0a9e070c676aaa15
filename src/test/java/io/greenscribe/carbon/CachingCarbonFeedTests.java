package io.greenscribe.carbon;

import io.greenscribe.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.carbon.CarbonFeedException.Kind;
import java.time.Duration;
import java.time.Instant;
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
}
