package io.greenscribe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergyMeters;
import io.greenscribe.energy.EnergyProperties;
import io.greenscribe.energy.EnergySample;
import io.greenscribe.energy.estimate.PowerCoefficients;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code transcribe --energy}: the command metered with the server's default meter (the same
 * choice, coefficients and PUE a job gets), so a benchmark can set it beside another tool's figure
 * for the same process.
 */
final class CommandEnergy implements AutoCloseable {

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "energy-poller");
        t.setDaemon(true);
        return t;
    });
    private final EnergyMeter meter;
    private final EnergySample start;

    private CommandEnergy() {
        meter = EnergyMeters.choose(EnergyProperties.defaults(), PowerCoefficients.load(), Clock.systemUTC(), poller);
        start = meter.start();
    }

    static CommandEnergy start() {
        return new CommandEnergy();
    }

    /** What the meter read since the start, as one JSON object (Wh by part, method, detail). */
    String stopAsJson() {
        Energy e = meter.stop(start);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("energyWh", e.wattHours());
        o.put("cpuWh", e.cpuJoules() / Energy.JOULES_PER_WATT_HOUR);
        o.put("memoryWh", e.memoryJoules() / Energy.JOULES_PER_WATT_HOUR);
        o.put("gpuWh", e.gpuJoules() / Energy.JOULES_PER_WATT_HOUR);
        o.put("seconds", e.elapsed().toNanos() / 1e9);
        o.put("method", e.method().name());
        o.put("detail", e.detail());
        if (e.modelToCounter() != null) {
            o.put("modelToCounter", e.modelToCounter());
        }
        return o.toString();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
