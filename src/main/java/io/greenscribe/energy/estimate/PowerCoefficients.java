package io.greenscribe.energy.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The power model's coefficients, read from {@code energy/power-model.properties} on the class path,
 * where each figure names its source (Cloud Carbon Footprint's published constants). Kept out of code
 * so an auditor can read and a deployment can override them in one place.
 */
public final class PowerCoefficients {

    static final String RESOURCE = "energy/power-model.properties";

    /** Watts per vCPU at 0 % and 100 % utilisation, and where they come from. */
    public record CpuPower(String name, double minWatts, double maxWatts, String source) {

        public CpuPower {
            if (!(minWatts >= 0) || !(maxWatts >= minWatts)) {
                throw new IllegalArgumentException(
                        "need 0 <= min <= max W per vCPU, got " + minWatts + ", " + maxWatts);
            }
        }
    }

    private record Arch(Pattern pattern, CpuPower power) {}

    private final Properties p;
    private final List<Arch> archs = new ArrayList<>();

    PowerCoefficients(Properties p) {
        this.p = p;
        for (String key : required("arch.order").split(",")) {
            String k = "arch." + key.trim();
            archs.add(new Arch(
                    Pattern.compile(required(k + ".pattern")),
                    new CpuPower(required(k + ".name"), number(k + ".min"), number(k + ".max"), "CCF, SPECpower")));
        }
    }

    /** The coefficients shipped with the server. */
    public static PowerCoefficients load() {
        Properties p = new Properties();
        try (InputStream in = PowerCoefficients.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PowerCoefficients(p);
    }

    /**
     * The micro-architecture whose pattern matches the CPU model name; else the average (or median)
     * of the named provider's micro-architectures, CCF's rule for an unknown processor.
     *
     * @param modelName {@code /proc/cpuinfo}'s "model name", or null when unknown
     * @param fallback {@code aws}, {@code gcp} or {@code azure}; null or blank for the data file's default
     */
    public CpuPower cpu(String modelName, String fallback) {
        if (modelName != null) {
            for (Arch a : archs) {
                if (a.pattern().matcher(modelName).find()) {
                    return a.power();
                }
            }
        }
        String d = "default."
                + (fallback == null || fallback.isBlank() ? required("default") : fallback.toLowerCase(Locale.ROOT));
        return new CpuPower(required(d + ".name"), number(d + ".min"), number(d + ".max"), "CCF");
    }

    /** Memory power, W per GB resident. */
    public double memoryWattsPerGb() {
        return number("memory.watts-per-gb");
    }

    /** The PUE for {@code on-premises}, {@code aws}, {@code gcp} or {@code azure}. */
    public double pue(String site) {
        return number("pue." + site.toLowerCase(Locale.ROOT));
    }

    /** Embodied emissions of one server, kgCO2e. */
    public double serverEmbodiedKgCo2e() {
        return number("embodied.server-kgco2e");
    }

    /** A server's expected lifespan, years. */
    public double serverLifetimeYears() {
        return number("embodied.lifetime-years");
    }

    private double number(String key) {
        return Double.parseDouble(required(key).trim());
    }

    private String required(String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return v;
    }
}
