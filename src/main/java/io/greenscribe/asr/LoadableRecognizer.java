package io.greenscribe.asr;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A recognizer whose weights come and go: loaded by the first recognition, closed by an unload
 * that waits for recognitions in flight (read lock for use, write lock for load and unload).
 */
final class LoadableRecognizer implements SpeechRecognizer {

    private final String name;
    private final Function<String, AutoCloseableRecognizer> loader;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private AutoCloseableRecognizer loaded;
    private Instant loadedAt;
    private volatile Instant lastUsed;

    LoadableRecognizer(String name, Function<String, AutoCloseableRecognizer> loader, Clock clock) {
        this.name = name;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public List<WindowTranscript> recognize(List<AudioWindow> windows, RecognitionOptions options) {
        while (true) {
            lock.readLock().lock();
            try {
                if (loaded != null) {
                    List<WindowTranscript> result = loaded.recognize(windows, options);
                    lastUsed = clock.instant();
                    return result;
                }
            } finally {
                lock.readLock().unlock();
            }
            load(); // an unload may slip in before the read lock is taken again: then load again
        }
    }

    private void load() {
        lock.writeLock().lock();
        try {
            if (loaded == null) {
                loaded = loader.apply(name);
                loadedAt = clock.instant();
                lastUsed = loadedAt;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean unload() {
        lock.writeLock().lock();
        return closeAndUnlock();
    }

    /**
     * Unloads unless a recognition is still in flight after {@code wait}: then the weights are left
     * to the process's exit rather than holding it up for a whole batch (used at shutdown).
     *
     * @return whether it is unloaded now (or was not loaded)
     */
    boolean unloadWithin(java.time.Duration wait) {
        try {
            if (!lock.writeLock().tryLock(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        closeAndUnlock();
        return true;
    }

    boolean unloadIfIdleSince(Instant cutoff) {
        Instant used = lastUsed;
        if (used == null || used.isAfter(cutoff) || !lock.writeLock().tryLock()) {
            return false;
        }
        return closeAndUnlock();
    }

    /** With the write lock held: closes the model if loaded, then releases the lock. */
    private boolean closeAndUnlock() {
        try {
            if (loaded == null) {
                return false;
            }
            loaded.close();
            loaded = null;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Optional<ModelStatus.Loaded> snapshot() {
        lock.readLock().lock();
        try {
            return loaded == null
                    ? Optional.empty()
                    : Optional.of(new ModelStatus.Loaded(name, loadedAt, lastUsed, loaded.batchSize()));
        } finally {
            lock.readLock().unlock();
        }
    }
}
