package io.greenscribe.carbon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A feed serving a hand-written forecast, or failing on demand; counts its calls. */
public final class StubFeed implements CarbonIntensityFeed {

    private final Clock clock;
    private volatile List<IntensitySlot> slots = List.of();
    private volatile Instant fetchedAt;
    private volatile RuntimeException failure;
    private int calls;

    public StubFeed(Clock clock) {
        this.clock = clock;
    }

    /** Consecutive slots of {@code step} from {@code start}, one per value; fetched "now". */
    public StubFeed serve(Instant start, Duration step, double... values) {
        List<IntensitySlot> s = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            s.add(new IntensitySlot(start.plus(step.multipliedBy(i)), start.plus(step.multipliedBy(i + 1)), values[i]));
        }
        slots = s;
        fetchedAt = clock.instant();
        failure = null;
        return this;
    }

    public StubFeed fail(RuntimeException e) {
        failure = e;
        return this;
    }

    public synchronized int calls() {
        return calls;
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        synchronized (this) {
            calls++;
        }
        if (failure != null) {
            throw failure;
        }
        return new CarbonForecast(zone, SignalType.AVERAGE, name(), fetchedAt, slots).between(from, to);
    }

    @Override
    public String name() {
        return "stub";
    }
}
