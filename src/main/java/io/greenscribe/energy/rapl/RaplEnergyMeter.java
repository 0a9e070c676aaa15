package io.greenscribe.energy.rapl;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergySample;
import io.greenscribe.energy.MeasurementMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the package domains {@code intel-rapl:N/energy_uj} (not their {@code :N:M} sub-domains,
 * which the package already includes). The counters wrap at {@code max_energy_range_uj}, which at
 * 100 W comes round in well under an hour, so the meter keeps 64-bit running totals and must be
 * {@link #poll() polled} more often than the shortest wrap period (the configuration does so).
 * RAPL measures the whole package: concurrent work on the machine is included.
 */
public final class RaplEnergyMeter implements EnergyMeter {

    private static final Pattern PACKAGE = Pattern.compile("intel-rapl:\\d+");

    private final List<Domain> domains;
    private final Clock clock;

    public RaplEnergyMeter(Path powercapRoot, Clock clock) {
        this.domains = discover(powercapRoot);
        this.clock = clock;
        if (domains.isEmpty()) {
            throw new IllegalStateException("no RAPL package domains under " + powercapRoot);
        }
        poll();
    }

    /** Whether RAPL package counters exist and can be read here (root-only since Linux 5.10). */
    public static boolean readable(Path powercapRoot) {
        try {
            List<Domain> found = discover(powercapRoot);
            for (Domain d : found) {
                d.readRaw();
            }
            return !found.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads every counter and adds what passed since the last read, across a wrap if need be. */
    public synchronized void poll() {
        for (Domain d : domains) {
            d.advance();
        }
    }

    @Override
    public synchronized EnergySample start() {
        poll();
        return EnergySample.of(method(), clock.instant(), totals());
    }

    @Override
    public synchronized Energy stop(EnergySample start) {
        poll();
        List<Double> now = totals();
        double joules = 0;
        for (int i = 0; i < now.size(); i++) {
            joules += now.get(i) - start.counters().get(i);
        }
        return new Energy(joules, Duration.between(start.takenAt(), clock.instant()), method(),
                "RAPL " + String.join("+", domains.stream().map(Domain::name).toList()) + " (whole package)");
    }

    private List<Double> totals() {
        return domains.stream().map(d -> d.totalMicroJoules / 1e6).toList();
    }

    @Override
    public MeasurementMethod method() {
        return MeasurementMethod.RAPL;
    }

    private static List<Domain> discover(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            List<Domain> out = new ArrayList<>();
            for (Path p : s.filter(p -> PACKAGE.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                if (Files.exists(p.resolve("energy_uj"))) {
                    out.add(new Domain(p));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Domain {
        private final Path dir;
        private final String name;
        private final long maxRange;
        private long last = -1;
        private long totalMicroJoules;

        Domain(Path dir) {
            this.dir = dir;
            this.name = Files.exists(dir.resolve("name")) ? read(dir.resolve("name")).trim() : dir.getFileName().toString();
            this.maxRange = Files.exists(dir.resolve("max_energy_range_uj"))
                    ? Long.parseLong(read(dir.resolve("max_energy_range_uj")).trim()) : Long.MAX_VALUE;
        }

        String name() {
            return name;
        }

        long readRaw() {
            return Long.parseLong(read(dir.resolve("energy_uj")).trim());
        }

        void advance() {
            long raw = readRaw();
            if (last >= 0) {
                totalMicroJoules += raw >= last ? raw - last : (maxRange - last) + raw;
            }
            last = raw;
        }

        private static String read(Path p) {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
    }
}
