package io.greenscribe.system.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded postmaster and starts it again, on the same data directory and port, when
 * it is gone (killed, crashed). Until then the pool's connections fail and work pauses (jobs go
 * back to the queue through their leases); once it is back the pool reconnects by itself, and
 * PostgreSQL's crash recovery replays the WAL, so every committed row is there (fsync is on).
 */
final class PostmasterWatchdog implements AutoCloseable {

    /** Starts a postmaster on the same directory and port. */
    interface Starter {
        EmbeddedPostgres start() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    private final Path dataDirectory;
    private final Starter starter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "postmaster-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile EmbeddedPostgres current;
    private volatile boolean closed;
    private volatile int restarts;

    PostmasterWatchdog(EmbeddedPostgres first, Path dataDirectory, Starter starter) {
        this.current = first;
        this.dataDirectory = dataDirectory;
        this.starter = starter;
        timer.scheduleWithFixedDelay(this::check, 2, 2, TimeUnit.SECONDS);
    }

    int restarts() {
        return restarts;
    }

    synchronized void check() {
        if (closed || alive()) {
            return;
        }
        log.warn("Embedded PostgreSQL is gone (no live postmaster for {}); starting it again", dataDirectory);
        try {
            current.close(); // releases the library's lock on the data directory
        } catch (IOException | RuntimeException e) {
            log.debug("closing the dead instance", e);
        }
        try {
            StalePostmaster.clear(dataDirectory);
            current = starter.start();
            restarts++;
            log.warn("Embedded PostgreSQL restarted on port {} (restart {})", current.getPort(), restarts);
        } catch (IOException | RuntimeException e) {
            // e.g. its old backends still hold shared memory for a moment: try again on the next tick
            log.warn("Embedded PostgreSQL did not start yet: {}", e.getMessage());
        }
    }

    private boolean alive() {
        try {
            Path pid = dataDirectory.resolve("postmaster.pid");
            if (!Files.isRegularFile(pid)) {
                return false;
            }
            List<String> lines = Files.readAllLines(pid);
            return !lines.isEmpty()
                    && ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        timer.shutdownNow();
        current.close(); // the replacement, if any; closing the first twice is a no-op
    }
}
