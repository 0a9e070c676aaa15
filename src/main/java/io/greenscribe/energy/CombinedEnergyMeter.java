package io.greenscribe.energy;

import java.util.ArrayList;
import java.util.List;

/** Several meters over the same work, e.g. RAPL for the CPU plus NVML for the GPU. */
public final class CombinedEnergyMeter implements EnergyMeter {

    private final List<EnergyMeter> meters;

    public CombinedEnergyMeter(List<EnergyMeter> meters) {
        if (meters.isEmpty()) {
            throw new IllegalArgumentException("a combined meter needs at least one meter");
        }
        this.meters = List.copyOf(meters);
    }

    @Override
    public EnergySample start() {
        List<EnergySample> parts = new ArrayList<>(meters.size());
        for (EnergyMeter m : meters) {
            parts.add(m.start());
        }
        return new EnergySample(method(), parts.get(0).takenAt(), List.of(), parts);
    }

    @Override
    public Energy stop(EnergySample start) {
        Energy total = null;
        for (int i = 0; i < meters.size(); i++) {
            Energy e = meters.get(i).stop(start.parts().get(i));
            total = total == null ? e : total.plus(e);
        }
        return total;
    }

    @Override
    public MeasurementMethod method() {
        return meters.size() == 1 ? meters.get(0).method() : MeasurementMethod.COMBINED;
    }
}
