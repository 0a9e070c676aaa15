package io.greenscribe.energy;

import java.time.Duration;
import java.util.Locale;

/**
 * The hardware's embodied emissions apportioned to a piece of work, the SCI's M:
 * {@code M = TE × (TR / EL) × (RR / TotR)} — total embodied emissions of the server, times the time
 * reserved over its expected lifespan, times the vCPUs reserved over the server's (Green Software
 * Foundation SCI; Cloud Carbon Footprint applies the same formula). Reported apart from operational
 * emissions, never added into them.
 *
 * @param serverGrams TE, the server's embodied emissions, gCO2e
 * @param lifetime EL, its expected lifespan
 * @param reservedVcpus RR, vCPUs this process has (all it may run on)
 * @param serverVcpus TotR, vCPUs of the whole server; equal to RR when the server is all ours
 * @param source where TE and EL come from
 */
public record EmbodiedEmissions(
        double serverGrams, Duration lifetime, int reservedVcpus, int serverVcpus, String source) {

    public EmbodiedEmissions {
        if (!(serverGrams >= 0)
                || lifetime.isZero()
                || lifetime.isNegative()
                || reservedVcpus <= 0
                || serverVcpus < reservedVcpus) {
            throw new IllegalArgumentException("need TE >= 0, EL > 0 and 0 < reserved vCPUs <= server vCPUs");
        }
    }

    /** M for work that had the reserved vCPUs for {@code time} (its share, when it shared them). */
    public double grams(Duration time) {
        return serverGrams * (time.toNanos() / (double) lifetime.toNanos()) * reservedVcpus / serverVcpus;
    }

    /** The formula with its figures, e.g. for a job's detail. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "embodied: %.0f kgCO2e per server over %.1f y × %d/%d vCPU (%s)",
                serverGrams / 1000,
                lifetime.toHours() / (24 * 365.0),
                reservedVcpus,
                serverVcpus,
                source);
    }
}
