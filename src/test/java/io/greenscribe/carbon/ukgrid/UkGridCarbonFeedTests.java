package io.greenscribe.carbon.ukgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.HttpCarbonFeedContract;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.MockFeedServer;
import io.greenscribe.carbon.MockFeedServer.Answer;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.FeedHttp;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UkGridCarbonFeedTests extends HttpCarbonFeedContract {

    @Override
    protected String forecastPath() {
        return "/intensity/";
    }

    @Override
    protected String documentedBody() {
        return MockFeedServer.resource("carbon/ukgrid-fw48h.json");
    }

    @Override
    protected CarbonIntensityFeed newFeed(FeedHttp http, URI baseUrl) {
        return new UkGridCarbonFeed(http, baseUrl, clock);
    }

    @Override
    protected Sample sample() {
        return new Sample("GB", "2023-03-15T00:31:00Z", "2023-03-17T00:30:00Z", SignalType.AVERAGE);
    }

    @Test
    void asksForTheMinuteOfFromAndKeepsTheGapInTheData() {
        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(server.requests(forecastPath()).get(0).path()).isEqualTo("/intensity/2023-03-15T00:31Z/fw48h");
        assertThat(f.slots())
                .containsExactly(
                        new IntensitySlot(
                                Instant.parse("2023-03-15T00:31:00Z"), Instant.parse("2023-03-15T01:00:00Z"), 180),
                        new IntensitySlot(
                                Instant.parse("2023-03-15T01:00:00Z"), Instant.parse("2023-03-15T01:30:00Z"), 175),
                        new IntensitySlot(
                                Instant.parse("2023-03-15T03:30:00Z"), Instant.parse("2023-03-15T04:00:00Z"), 204));
        assertThat(f.meanIntensity(Instant.parse("2023-03-15T01:00:00Z"), Instant.parse("2023-03-15T04:00:00Z")))
                .isEmpty();
    }

    @Test
    void prefersTheActualWhereThePeriodIsSettled() {
        // given
        server.on(forecastPath(), Answer.ok("""
                {"data":[{"from":"2023-03-13T03:00Z","to":"2023-03-13T03:30Z",
                          "intensity":{"forecast":60,"actual":64,"index":"low"}}]}"""));

        // when
        CarbonForecast f =
                feed().forecast(zone(), Instant.parse("2023-03-13T03:00:00Z"), Instant.parse("2023-03-13T04:00:00Z"));

        // then
        assertThat(f.slots()).extracting(IntensitySlot::gCo2PerKwh).containsExactly(64.0);
    }

    @Test
    void refusesZonesOtherThanGreatBritain() {
        assertThatThrownBy(() -> feed().forecast(GridZone.of("DE"), from(), to()))
                .isInstanceOfSatisfying(CarbonFeedException.class, e -> assertThat(e.kind())
                        .isEqualTo(CarbonFeedException.Kind.NO_DATA));
    }
}
