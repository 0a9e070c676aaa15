package io.greenscribe.carbon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;

/**
 * Keeps fetched forecasts for a time-to-live, so planning a burst of jobs costs one call to the
 * provider. A cached forecast answers a request only when the request lies inside the window that
 * forecast was fetched for; anything else is fetched. Each fetch asks for the requested window
 * extended by the TTL, so the requests that slide forward with the clock while the entry lives
 * (the planner's "now until the horizon") stay inside it. Several windows per zone are kept, so
 * the planner, the console and per-job accounting (short windows, some in the past) do not evict
 * one another. Failures are not cached.
 */
@RequiredArgsConstructor
public final class CachingCarbonFeed implements CarbonIntensityFeed {

    /** Windows kept per zone; enough for the planner, the console pages and a few jobs' accounting. */
    static final int ENTRIES_PER_ZONE = 8;

    private final CarbonIntensityFeed delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<GridZone, List<Entry>> cache = new ConcurrentHashMap<>();

    private record Entry(Instant from, Instant to, Instant expiresAt, CarbonForecast forecast) {

        boolean answers(Instant a, Instant b, Instant now) {
            return now.isBefore(expiresAt) && !a.isBefore(from) && !b.isAfter(to);
        }
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        Instant now = clock.instant();
        List<Entry> entries = cache.computeIfAbsent(zone, z -> new ArrayList<>());
        synchronized (entries) {
            for (Entry e : entries) {
                if (e.answers(from, to, now)) {
                    return trimmed(e.forecast(), from, to);
                }
            }
        }
        // fetched outside the lock: a slow provider must not hold up requests the cache can answer
        Instant until = to.plus(ttl);
        Entry fresh = new Entry(from, until, now.plus(ttl), delegate.forecast(zone, from, until));
        synchronized (entries) {
            entries.removeIf(e -> !now.isBefore(e.expiresAt()));
            if (entries.size() >= ENTRIES_PER_ZONE) {
                entries.remove(entries.stream()
                        .min(Comparator.comparing(Entry::expiresAt))
                        .orElseThrow());
            }
            entries.add(fresh);
        }
        return trimmed(fresh.forecast(), from, to);
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
