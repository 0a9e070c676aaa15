package io.greenscribe.energy;

import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;

/**
 * A counter (RAPL) with the power model read alongside over the same stretches. The counter's
 * figure is the one reported; the model's ratio to it is recorded with it, so the model can be
 * calibrated per machine. The two do not see the same thing: RAPL counts the whole package and DRAM
 * (other processes, the OS), the model only this process's CPU time plus the idle share of its vCPUs;
 * a ratio well below 1 on a busy shared machine says as much about the neighbours as about the model.
 */
@RequiredArgsConstructor
public final class CalibratedEnergyMeter implements EnergyMeter {

    private final EnergyMeter counter;
    private final EnergyMeter model;

    @Override
    public EnergySample start() {
        EnergySample c = counter.start();
        EnergySample m = model.start();
        return new EnergySample(method(), c.takenAt(), List.of(), List.of(c, m));
    }

    @Override
    public Energy stop(EnergySample start) {
        Energy c = counter.stop(start.parts().get(0));
        Energy m = model.stop(start.parts().get(1));
        Double ratio = c.joules() > 0 ? m.joules() / c.joules() : null;
        String detail = String.format(
                Locale.ROOT,
                "%s; alongside, %s gave %.4f Wh: model/counter = %s",
                c.detail(),
                m.detail(),
                m.wattHours(),
                ratio == null ? "n/a (counter read 0)" : String.format(Locale.ROOT, "%.3f", ratio));
        return new Energy(c.cpuJoules(), c.memoryJoules(), c.gpuJoules(), c.elapsed(), c.method(), detail, ratio);
    }

    @Override
    public MeasurementMethod method() {
        return counter.method();
    }
}
