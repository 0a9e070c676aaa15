package io.greenscribe.asr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pools the windows of concurrent callers into the recognizer's batches, on one engine thread.
 *
 * <p>The job pipeline commits every window on its own, so each partition thread asks for one window
 * at a time. Run directly, that decodes at batch 1 while several threads compete for the same cores;
 * the decoder's cost per step is dominated by reading the weights and the vocabulary matrix, so a
 * batch of 8 rows costs about 1.4 times a batch of 1 (tiny, 2 cores: 20.7 ms against 14.8 ms at 4).
 * Here callers queue their windows; one thread takes what is waiting (waiting up to {@code linger}
 * for a batch to fill), runs it, and hands each caller its own results. Requests are only merged
 * when their options are equal; a merged batch that fails is re-run request by request, so one
 * caller's bad input fails only that caller.
 */
public final class PooledRecognizer implements SpeechRecognizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PooledRecognizer.class);

    private final SpeechRecognizer engine;
    private final int batchSize;
    private final long lingerNanos;
    private final LinkedBlockingDeque<Request> queue = new LinkedBlockingDeque<>();
    private final Thread worker;
    private volatile boolean closed;

    private record Request(
            List<AudioWindow> windows, RecognitionOptions options, CompletableFuture<List<WindowTranscript>> result) {}

    public PooledRecognizer(SpeechRecognizer engine, int batchSize, Duration linger) {
        this.engine = engine;
        this.batchSize = Math.max(1, batchSize);
        this.lingerNanos = linger.toNanos();
        this.worker = new Thread(this::serve, "asr-" + engine.modelName());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public String modelName() {
        return engine.modelName();
    }

    @Override
    public List<WindowTranscript> recognize(List<AudioWindow> windows, RecognitionOptions options) {
        if (windows.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new IllegalStateException("recognizer for " + modelName() + " is closed");
        }
        Request request = new Request(List.copyOf(windows), options, new CompletableFuture<>());
        queue.add(request);
        try {
            return request.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // not decoded for nobody: an abandoned caller's windows leave the queue (at shutdown the
            // engine otherwise decoded the whole backlog before the models could close)
            queue.remove(request);
            request.result().cancel(false);
            throw new IllegalStateException("interrupted while waiting for recognition", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void serve() {
        while (!closed) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    run(gather(first));
                }
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                log.error("recognition worker for {} caught an unexpected failure", modelName(), e);
            }
        }
    }

    /** Takes waiting requests with the same options until the batch is full or {@code linger} passes. */
    private List<Request> gather(Request first) throws InterruptedException {
        List<Request> taken = new ArrayList<>(List.of(first));
        int windows = first.windows().size();
        long deadline = System.nanoTime() + lingerNanos;
        while (windows < batchSize) {
            Request next = queue.pollFirst();
            if (next == null) {
                long left = deadline - System.nanoTime();
                next = left > 0 ? queue.pollFirst(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    break;
                }
            }
            if (!next.options().equals(first.options())
                    || windows + next.windows().size() > batchSize) {
                queue.addFirst(next); // only this thread takes from the queue, so the order is kept
                break;
            }
            taken.add(next);
            windows += next.windows().size();
        }
        return taken;
    }

    private void run(List<Request> requests) {
        requests.removeIf(r -> r.result().isCancelled());
        if (requests.isEmpty()) {
            return;
        }
        if (requests.size() == 1) {
            runAlone(requests.get(0));
            return;
        }
        List<AudioWindow> all = new ArrayList<>();
        requests.forEach(r -> all.addAll(r.windows()));
        List<WindowTranscript> results;
        try {
            results = engine.recognize(all, requests.get(0).options());
        } catch (RuntimeException e) {
            log.debug(
                    "pooled batch of {} requests failed ({}); running them one by one", requests.size(), e.toString());
            requests.forEach(this::runAlone);
            return;
        }
        int from = 0;
        for (Request r : requests) {
            int to = from + r.windows().size();
            r.result().complete(List.copyOf(results.subList(from, to)));
            from = to;
        }
    }

    private void runAlone(Request request) {
        try {
            request.result().complete(engine.recognize(request.windows(), request.options()));
        } catch (RuntimeException | Error e) {
            request.result().completeExceptionally(e);
        }
    }

    /** Requests queued and not yet taken by the engine thread. */
    int waiting() {
        return queue.size();
    }

    /** Stops the engine thread; queued requests fail. Does not close the engine. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        Request r;
        while ((r = queue.poll()) != null) {
            r.result()
                    .completeExceptionally(new IllegalStateException("recognizer for " + modelName() + " was closed"));
        }
    }
}
