package io.greenscribe.carbon.electricitymaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.HttpCarbonFeedContract;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.MockFeedServer;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.FeedHttp;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ElectricityMapsCarbonFeedTests extends HttpCarbonFeedContract {

    @Override
    protected String forecastPath() {
        return "/v3/carbon-intensity/forecast";
    }

    @Override
    protected String documentedBody() {
        return MockFeedServer.resource("carbon/electricitymaps-forecast.json");
    }

    @Override
    protected CarbonIntensityFeed newFeed(FeedHttp http, URI baseUrl) {
        return new ElectricityMapsCarbonFeed(http, baseUrl.resolve("/v3/"), "auth-token", "secret-key", clock);
    }

    @Override
    protected Sample sample() {
        return new Sample("DE", "2023-06-01T10:00:00Z", "2023-06-01T12:00:00Z", SignalType.AVERAGE);
    }

    @Test
    void readsHourlyPointsAsSlotsAndSendsTheKey() {
        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(f.slots())
                .containsExactly(
                        new IntensitySlot(
                                Instant.parse("2023-06-01T10:00:00Z"), Instant.parse("2023-06-01T11:00:00Z"), 302),
                        new IntensitySlot(
                                Instant.parse("2023-06-01T11:00:00Z"), Instant.parse("2023-06-01T12:00:00Z"), 287));
        assertThat(f.fetchedAt()).isEqualTo(clock.instant());
        MockFeedServer.Request r = server.requests(forecastPath()).get(0);
        assertThat(r.query()).isEqualTo("zone=DE");
        assertThat(r.header("auth-token")).isEqualTo("secret-key");
    }
}
