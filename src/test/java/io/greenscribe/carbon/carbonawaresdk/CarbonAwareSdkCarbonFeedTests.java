package io.greenscribe.carbon.carbonawaresdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.HttpCarbonFeedContract;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.MockFeedServer;
import io.greenscribe.carbon.MockFeedServer.Answer;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.FeedHttp;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CarbonAwareSdkCarbonFeedTests extends HttpCarbonFeedContract {

    @Override
    protected String forecastPath() {
        return "/emissions/forecasts/current";
    }

    @Override
    protected String documentedBody() {
        return MockFeedServer.resource("carbon/carbonawaresdk-forecast.json");
    }

    @Override
    protected CarbonIntensityFeed newFeed(FeedHttp http, URI baseUrl) {
        return new CarbonAwareSdkCarbonFeed(http, baseUrl, SignalType.AVERAGE, clock);
    }

    @Override
    protected Sample sample() {
        return new Sample("northeurope", "2022-07-19T14:00:00Z", "2022-07-20T04:38:00Z", SignalType.AVERAGE);
    }

    @Test
    void readsForecastDataWithTheirDurationsAndPassesTheRange() {
        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(f.slots())
                .containsExactly(
                        new IntensitySlot(
                                Instant.parse("2022-07-19T14:00:00Z"),
                                Instant.parse("2022-07-19T14:10:00Z"),
                                532.02293146),
                        new IntensitySlot(
                                Instant.parse("2022-07-20T04:25:00Z"),
                                Instant.parse("2022-07-20T04:35:00Z"),
                                535.7318741001667));
        assertThat(server.requests(forecastPath()).get(0).query())
                .isEqualTo(
                        "location=northeurope&dataStartAt=2022-07-19T14%3A00%3A00Z&dataEndAt=2022-07-20T04%3A38%3A00Z");
    }

    @Test
    void acceptsTheOlderSingularOptimalDataPoint() {
        // given
        server.on(forecastPath(), Answer.ok(MockFeedServer.resource("carbon/carbonawaresdk-forecast-singular.json")));

        // when
        CarbonForecast f = feed().forecast(zone(), from(), to());

        // then
        assertThat(f.slots()).hasSize(2);
    }

    @Test
    void anEmptyArrayIsMalformed() {
        server.on(forecastPath(), Answer.ok("[]"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed().forecast(zone(), from(), to()))
                .isInstanceOf(io.greenscribe.carbon.CarbonFeedException.class);
    }
}
