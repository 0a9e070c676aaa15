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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the package domains {@code intel-rapl:N/energy_uj} as CPU energy, and their {@code dram}
 * sub-domains ({@code intel-rapl:N:M} named {@code dram}) as memory energy, where the platform has
 * them. The other sub-domains ({@code core}, {@code uncore}) are inside the package figure and are
 * skipped, and so is a {@code psys} domain (the whole platform, which would count the package twice).
 * The counters wrap at {@code max_energy_range_uj}, which at
 * 100 W comes round in well under an hour, so the meter keeps 64-bit running totals and must be
 * {@link #poll() polled} more often than the shortest wrap period (the configuration does so).
 * RAPL measures the whole package: concurrent work on the machine is included.
 */
public final class RaplEnergyMeter implements EnergyMeter {

    private static final Pattern PACKAGE = Pattern.compile("intel-rapl:\\d+");
    private static final Pattern SUB_DOMAIN = Pattern.compile("intel-rapl:\\d+:\\d+");

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
        double cpu = 0;
        double memory = 0;
        for (int i = 0; i < now.size(); i++) {
            double d = now.get(i) - start.counters().get(i);
            if (domains.get(i).dram) {
                memory += d;
            } else {
                cpu += d;
            }
        }
        return new Energy(
                cpu,
                memory,
                0,
                Duration.between(start.takenAt(), clock.instant()),
                method(),
                "RAPL " + String.join("+", domains.stream().map(Domain::name).toList()) + " (whole package"
                        + (domains.stream().anyMatch(d -> d.dram) ? " and DRAM" : "") + ")",
                null);
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
            for (Path p : s.filter(
                            p -> PACKAGE.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList()) {
                if (!Files.exists(p.resolve("energy_uj"))) {
                    continue;
                }
                Domain pkg = new Domain(p, false);
                if (pkg.name.startsWith("psys")) {
                    continue;
                }
                out.add(pkg);
                // a sub-domain sits inside its package's folder in sysfs, and beside it as a link under
                // /sys/class/powercap: each is taken once, by name
                Map<String, Path> subs = new TreeMap<>();
                try (Stream<Path> nested = Files.list(p);
                        Stream<Path> beside = Files.list(root)) {
                    Stream.concat(nested, beside).forEach(d -> {
                        String n = d.getFileName().toString();
                        if (SUB_DOMAIN.matcher(n).matches() && n.startsWith(p.getFileName() + ":")) {
                            subs.putIfAbsent(n, d);
                        }
                    });
                }
                for (Path sub : subs.values()) {
                    if (Files.exists(sub.resolve("energy_uj"))
                            && Files.exists(sub.resolve("name"))
                            && Domain.read(sub.resolve("name")).trim().equals("dram")) {
                        out.add(new Domain(sub, true));
                    }
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
        private final boolean dram;
        private final long maxRange;
        private long last = -1;
        private long totalMicroJoules;

        Domain(Path dir, boolean dram) {
            this.dir = dir;
            this.dram = dram;
            this.name = Files.exists(dir.resolve("name"))
                    ? read(dir.resolve("name")).trim()
                    : dir.getFileName().toString();
            this.maxRange = Files.exists(dir.resolve("max_energy_range_uj"))
                    ? Long.parseLong(read(dir.resolve("max_energy_range_uj")).trim())
                    : Long.MAX_VALUE;
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
