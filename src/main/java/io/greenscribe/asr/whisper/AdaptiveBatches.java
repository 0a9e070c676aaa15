package io.greenscribe.asr.whisper;

import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work over items in batches; when the device runs out of memory the batch size is halved
 * (and stays halved for later calls) and the same items are retried, down to a batch of one.
 */
final class AdaptiveBatches {

    private static final Logger log = LoggerFactory.getLogger(AdaptiveBatches.class);

    private AdaptiveBatches() {}

    static <T, R> List<R> run(List<T> items, AtomicInteger batchSize, Function<List<T>, List<R>> work) {
        List<R> out = new ArrayList<>(items.size());
        int next = 0;
        while (next < items.size()) {
            int size = Math.min(batchSize.get(), items.size() - next);
            try {
                out.addAll(work.apply(items.subList(next, next + size)));
                next += size;
            } catch (EngineException e) {
                if (!isOutOfMemory(e) || size == 1) {
                    throw e;
                }
                batchSize.set(Math.max(1, size / 2));
                log.warn("out of memory at batch size {}; retrying at {}", size, batchSize.get());
            }
        }
        return out;
    }

    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("out of memory")
                    || message.contains("can't allocate memory")
                    || message.contains("failed to allocate")) {
                return true;
            }
        }
        return false;
    }
}
