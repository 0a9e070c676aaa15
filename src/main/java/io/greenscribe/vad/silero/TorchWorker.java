package io.greenscribe.vad.silero;

import ai.djl.pytorch.jni.JniUtils;
import io.greenscribe.system.GreenScribeException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread of its own on which PyTorch runs operators single-threaded.
 *
 * <p>Silero's operators are tiny, so splitting them over OpenMP threads gains nothing, and when
 * the CPU is busy (Whisper on every core, a shared CI box) each operator waits for a descheduled
 * helper thread: measured on a loaded 2-core machine, 14–33 ms per 32 ms chunk with two intra-op
 * threads against 0.6–1.3 ms with one. PyTorch's thread count is per thread, but setting it also
 * changes the process-wide default that threads adopt on first use, so that default is put back
 * at once from a throwaway thread, leaving Whisper's threads as they were configured.
 */
final class TorchWorker implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "silero-vad");
        worker.setDaemon(true);
        return worker;
    });

    TorchWorker() {
        call(() -> {
            int processDefault = JniUtils.getNumThreads(); // first use: adopts the process default
            JniUtils.setNumThreads(1);
            Thread restore = new Thread(() -> JniUtils.setNumThreads(processDefault));
            restore.start();
            restore.join();
            return null;
        });
    }

    /** Runs {@code task} on the worker thread; interrupting the caller interrupts the task. */
    <T> T call(Callable<T> task) {
        Future<T> result = thread.submit(task);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new GreenScribeException("Voice activity detection was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new GreenScribeException("Voice activity detection failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
