package io.greenscribe.energy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * One {@link EnergyMeter} shared by the jobs an instance runs at once, each job getting its share.
 *
 * <p>Every meter here sees a whole machine or process: RAPL the CPU package, nvidia-smi the GPU
 * board, the estimate this JVM's CPU time. None can tell two jobs apart, and per-thread CPU time
 * would not either: the recognition work runs in PyTorch's native threads and Spring Batch's
 * partition threads, which belong to no job the JVM knows of. So the meter is read whenever a job
 * starts or stops, and each stretch between two readings is split equally among the jobs running
 * in it. The shares add up to what the meter measured while jobs ran; what it measured while none
 * ran is nobody's. Every share says in its detail whether it was split and with how many.
 */
@RequiredArgsConstructor
public final class SharedEnergyMeter {

    private final EnergyMeter meter;
    private final List<Run> running = new ArrayList<>();
    private EnergySample mark; // the reading at the last start or stop

    /** One job's measurement, from {@link #start()} to {@link #stop(Run)}. */
    @RequiredArgsConstructor
    public static final class Run {

        private final EnergySample whole;
        private double cpu;
        private double memory;
        private double gpu;
        private double seconds;
        private int mostAtOnce = 1;

        /**
         * This run's share of the wall time: each stretch divided among the runs in it, as the energy
         * is. Embodied emissions are apportioned by it. Final once the run is stopped.
         */
        public synchronized Duration attributedTime() {
            return Duration.ofNanos(Math.round(seconds * 1e9));
        }

        private synchronized void add(Energy e, int among) {
            cpu += e.cpuJoules() / among;
            memory += e.memoryJoules() / among;
            gpu += e.gpuJoules() / among;
            seconds += e.elapsed().toNanos() / 1e9 / among;
        }
    }

    public MeasurementMethod method() {
        return meter.method();
    }

    public synchronized Run start() {
        settle();
        Run run = new Run(mark);
        running.add(run);
        for (Run r : running) {
            r.mostAtOnce = Math.max(r.mostAtOnce, running.size());
        }
        return run;
    }

    /** This run's share of the energy measured since it started; the detail says how it was attributed. */
    public synchronized Energy stop(Run run) {
        if (!running.contains(run)) {
            throw new IllegalStateException("this run was stopped already");
        }
        settle();
        running.remove(run);
        Energy whole = meter.stop(run.whole);
        String detail = run.mostAtOnce == 1
                ? whole.detail() + "; no other job ran on this instance meanwhile, so all of it is this job's"
                : String.format(
                        "%s: %.4f Wh over this job's run, split equally among the jobs running at once on "
                                + "this instance (up to %d): this job's share %.4f Wh",
                        whole.detail(),
                        whole.wattHours(),
                        run.mostAtOnce,
                        (run.cpu + run.memory + run.gpu) / Energy.JOULES_PER_WATT_HOUR);
        return new Energy(
                run.cpu, run.memory, run.gpu, whole.elapsed(), whole.method(), detail, whole.modelToCounter());
    }

    private void settle() {
        if (!running.isEmpty()) {
            Energy stretch = meter.stop(mark);
            for (Run r : running) {
                r.add(stretch, running.size());
            }
        }
        mark = meter.start();
    }
}
