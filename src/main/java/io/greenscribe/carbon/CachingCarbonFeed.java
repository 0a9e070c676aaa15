package io.greenscribe.carbon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each zone's forecast for a time-to-live, so planning a burst of jobs costs one call to the
 * provider. A cached forecast serves any request that starts no earlier than the cached one and
 * ends within it (or within what the provider could give). Failures are not cached.
 */
public final class CachingCarbonFeed implements CarbonIntensityFeed {

    private final CarbonIntensityFeed delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<GridZone, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Instant from, Instant to, Instant expiresAt, CarbonForecast forecast) {
    }

    public CachingCarbonFeed(CarbonIntensityFeed delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        Instant now = clock.instant();
        Entry e = cache.get(zone);
        if (e == null || !now.isBefore(e.expiresAt()) || from.isBefore(e.from()) || to.isAfter(reach(e))) {
            CarbonForecast fresh = delegate.forecast(zone, from, to);
            e = new Entry(from, to, now.plus(ttl), fresh);
            cache.put(zone, e);
        }
        return trimmed(e.forecast(), from, to);
    }

    // What the provider gave may stop short of what we asked: asking again before the TTL is no use.
    private static Instant reach(Entry e) {
        CarbonForecast f = e.forecast();
        if (f.isEmpty()) {
            return e.to();
        }
        Instant last = f.slots().get(f.slots().size() - 1).end();
        return last.isBefore(e.to()) ? Instant.MAX : e.to();
    }

    private static CarbonForecast trimmed(CarbonForecast f, Instant from, Instant to) {
        if (f.isEmpty()) {
            return f;
        }
        boolean inside = !f.slots().get(0).start().isBefore(from)
                && !f.slots().get(f.slots().size() - 1).end().isAfter(to);
        return inside ? f : f.between(from, to);
    }

    /** Drops every cached forecast, e.g. when an operator knows the provider has published anew. */
    public void invalidate() {
        cache.clear();
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
