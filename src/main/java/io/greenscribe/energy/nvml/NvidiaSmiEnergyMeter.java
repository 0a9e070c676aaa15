package io.greenscribe.energy.nvml;

import io.greenscribe.energy.Energy;
import io.greenscribe.energy.EnergyMeter;
import io.greenscribe.energy.EnergySample;
import io.greenscribe.energy.MeasurementMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samples {@code nvidia-smi --query-gpu=index,power.draw --format=csv,noheader,nounits} and
 * integrates the summed board power with the trapezoid rule into a running total. Precision depends
 * on the polling interval (the configuration polls every second); a start and a stop alone give
 * only the mean of two readings.
 */
public final class NvidiaSmiEnergyMeter implements EnergyMeter {

    static final List<String> QUERY =
            List.of("nvidia-smi", "--query-gpu=index,power.draw", "--format=csv,noheader,nounits");

    /** Runs a command and returns its standard output; a test passes a fake. */
    @FunctionalInterface
    public interface CommandRunner {
        String run(List<String> command) throws IOException;

        static CommandRunner process(Duration timeout) {
            return command -> {
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                try {
                    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        p.destroyForcibly();
                        throw new IOException(command.get(0) + " did not answer within " + timeout);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IOException(command.get(0) + " exited " + p.exitValue() + ": " + out.trim());
                }
                return out;
            };
        }
    }

    private final CommandRunner runner;
    private final Clock clock;
    private int gpus;
    private double lastWatts = Double.NaN;
    private Instant lastAt;
    private double totalJoules;

    public NvidiaSmiEnergyMeter(CommandRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
        poll();
    }

    /** Whether nvidia-smi runs here and reports the power of at least one GPU. */
    public static boolean present(CommandRunner runner) {
        try {
            return !Double.isNaN(totalWatts(runner.run(QUERY), new int[1]));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Takes one power reading and adds the energy since the previous one. */
    public synchronized void poll() {
        Instant now = clock.instant();
        int[] count = new int[1];
        double watts;
        try {
            watts = totalWatts(runner.run(QUERY), count);
        } catch (IOException e) {
            throw new UncheckedIOException("nvidia-smi failed", e);
        }
        if (Double.isNaN(watts)) {
            return; // no usable reading: the next one integrates across the gap
        }
        gpus = count[0];
        if (!Double.isNaN(lastWatts)) {
            double seconds = Duration.between(lastAt, now).toNanos() / 1e9;
            totalJoules += (lastWatts + watts) / 2 * seconds;
        }
        lastWatts = watts;
        lastAt = now;
    }

    /** Sum of {@code power.draw} over GPUs; lines with {@code [N/A]} are skipped. NaN if none parsed. */
    static double totalWatts(String csv, int[] count) {
        double sum = 0;
        int n = 0;
        for (String line : csv.split("\\R")) {
            String[] c = line.split(",");
            if (c.length < 2) {
                continue;
            }
            try {
                sum += Double.parseDouble(c[1].trim());
                n++;
            } catch (NumberFormatException notANumber) {
                // "[N/A]" or "[Not Supported]": this GPU cannot report power
            }
        }
        count[0] = n;
        return n == 0 ? Double.NaN : sum;
    }

    @Override
    public synchronized EnergySample start() {
        poll();
        return EnergySample.of(method(), clock.instant(), List.of(totalJoules));
    }

    @Override
    public synchronized Energy stop(EnergySample start) {
        poll();
        return Energy.gpu(
                totalJoules - start.counters().get(0),
                Duration.between(start.takenAt(), clock.instant()),
                method(),
                "nvidia-smi power.draw of " + gpus + " GPU(s), trapezoid-integrated");
    }

    @Override
    public MeasurementMethod method() {
        return MeasurementMethod.NVML;
    }
}
