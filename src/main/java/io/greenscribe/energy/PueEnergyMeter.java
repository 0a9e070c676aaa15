package io.greenscribe.energy;

import java.util.Locale;

/**
 * Scales whatever a meter read by the site's Power Usage Effectiveness (facility energy over IT
 * energy: cooling, power conversion), so a figure is what the grid supplied. Applied to counters and
 * the model alike; 1.0 (no overhead) is the on-premises default and is still named in the detail.
 */
public final class PueEnergyMeter implements EnergyMeter {

    private final EnergyMeter meter;
    private final double pue;
    private final String site;

    public PueEnergyMeter(EnergyMeter meter, double pue, String site) {
        if (!(pue >= 1.0) || Double.isInfinite(pue)) {
            throw new IllegalArgumentException("a PUE is at least 1.0, was " + pue);
        }
        this.meter = meter;
        this.pue = pue;
        this.site = site;
    }

    @Override
    public EnergySample start() {
        return meter.start();
    }

    @Override
    public Energy stop(EnergySample start) {
        Energy e = meter.stop(start);
        return e.scaled(pue, e.detail() + String.format(Locale.ROOT, "; × PUE %s (%s)", pue, site));
    }

    @Override
    public MeasurementMethod method() {
        return meter.method();
    }
}
