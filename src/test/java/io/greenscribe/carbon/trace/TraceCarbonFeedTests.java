package io.greenscribe.carbon.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonIntensityFeedContract;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.SignalType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Runs against the real traces; CI has {@code shared/} beside the clone. */
class TraceCarbonFeedTests extends CarbonIntensityFeedContract {

    static final Path DATA = Path.of("../shared/data/carbon");
    static final RecordedTrace GB = RecordedTrace.read(DATA.resolve("lets-wait-awhile-2020/gb_ci.csv"));

    @Override
    protected CarbonIntensityFeed feed() {
        return new TraceCarbonFeed(GB, false, clock);
    }

    @Override
    protected Sample sample() {
        return new Sample("GB", "2020-06-01T00:00:00Z", "2020-06-03T00:00:00Z", SignalType.AVERAGE);
    }

    @Test
    void readsTheLetsWaitAwhileLayoutAsUtc() {
        assertThat(GB.start()).isEqualTo(Instant.parse("2019-12-20T00:00:00Z"));
        assertThat(GB.slots(GB.start(), GB.start().plusSeconds(1800)))
                .extracting(IntensitySlot::gCo2PerKwh)
                .containsExactly(120.99546661944396);
    }

    @Test
    void readsTheLcaColumnOfAnElectricityMapsExport() {
        RecordedTrace es = RecordedTrace.read(DATA.resolve("electricitymaps-hourly/ES_2022_hourly.csv"));
        assertThat(es.size()).isEqualTo(8760);
        assertThat(es.slots(es.start(), es.start().plusSeconds(3600)).get(0).gCo2PerKwh())
                .isEqualTo(175.54);
    }

    @Test
    void readsWattTimeActualsAsMarginal() {
        RecordedTrace wt =
                RecordedTrace.read(DATA.resolve("watttime-caiso-north-2023/watttime2023_caiso-north_actual.csv"));
        assertThat(wt.signalType()).isEqualTo(SignalType.MARGINAL);
        assertThat(wt.size()).isEqualTo(8928);
    }

    @Test
    void mergesUkPastFilesPreferringActuals() {
        RecordedTrace uk = RecordedTrace.read(DATA.resolve("uk-carbon-intensity-2023-03/national_pt24h"));
        assertThat(uk.slots(Instant.parse("2023-03-14T03:30:00Z"), Instant.parse("2023-03-14T04:00:00Z")))
                .extracting(IntensitySlot::gCo2PerKwh)
                .containsExactly(78.0);
    }

    @Test
    void integratesWithPrefixSums() {
        Instant a = Instant.parse("2020-06-01T00:10:00Z");
        Instant b = Instant.parse("2020-06-01T05:20:00Z");
        double bySlots = GB.slots(a, b).stream()
                        .mapToDouble(s -> s.gCo2PerKwh() * s.duration().getSeconds())
                        .sum()
                / Duration.between(a, b).getSeconds();
        assertThat(GB.meanIntensity(a, b)).isCloseTo(bySlots, within(1e-9));
    }

    @Test
    void loopsByWholeWeeksOutsideTheTrace() {
        // given a request exactly 52 weeks after a recorded day
        Instant recorded = Instant.parse("2020-06-01T00:00:00Z");
        Instant later = recorded.plus(Duration.ofDays(7 * 52));
        TraceCarbonFeed looping = new TraceCarbonFeed(GB, true, clock);

        // when
        CarbonForecast f = looping.forecast(zone(), later, later.plus(Duration.ofHours(6)));

        // then: the same shape, shifted
        assertThat(f.slots()).isNotEmpty();
        assertThat(f.meanIntensity(later, later.plus(Duration.ofHours(6))))
                .hasValueSatisfying(v -> assertThat(v).isPositive());
        assertThat(f.slots().get(0).start()).isEqualTo(later);
    }

    @Test
    void withoutLoopARangeOutsideTheTraceIsNoData() {
        assertThatThrownBy(() -> feed().forecast(
                                zone(), Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z")))
                .isInstanceOfSatisfying(CarbonFeedException.class, e -> assertThat(e.kind())
                        .isEqualTo(CarbonFeedException.Kind.NO_DATA));
    }

    @Test
    void replaysTheNewestForecastVintageIssuedByNow() {
        // given
        RecordedForecasts uk = RecordedForecasts.read(DATA.resolve("uk-carbon-intensity-2023-03/national_fw48h"));
        clock.set(Instant.parse("2023-03-14T09:00:00Z"));
        RecordedForecastCarbonFeed feed = new RecordedForecastCarbonFeed(uk, clock);

        // when
        CarbonForecast f =
                feed.forecast(zone(), clock.instant(), clock.instant().plus(Duration.ofHours(48)));

        // then
        assertThat(uk.issueTimes()).hasSize(9);
        assertThat(f.fetchedAt()).isEqualTo(Instant.parse("2023-03-14T08:01:00Z"));
        assertThat(f.slots().get(f.slots().size() - 1).end()).isEqualTo(Instant.parse("2023-03-16T08:00:00Z"));
    }

    @Test
    void readsWattTimeForecastVintages() {
        RecordedForecasts wt =
                RecordedForecasts.read(DATA.resolve("watttime-caiso-north-2023/watttime2023_caiso-north_forecast.csv"));
        RecordedForecasts.Vintage v =
                wt.latestAt(Instant.parse("2023-06-08T00:00:00Z")).orElseThrow();
        assertThat(v.slots()).hasSize(13);
        assertThat(v.slots().get(0).start()).isEqualTo(Instant.parse("2023-06-08T00:05:00Z"));
        assertThat(v.slots().get(0).gCo2PerKwh()).isEqualTo(412.406182804);
    }
}
