package io.greenscribe.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the server was killed (SIGKILL, power loss) its PostgreSQL may still run, or have left its
 * lock file behind; either would stop the next start. The data directory is ours alone, so a
 * postmaster still serving it is an orphan of ours: it is asked to stop (SIGTERM, a clean
 * shutdown), and a lock file without a live process is removed.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void clear(Path dataDirectory) throws IOException {
        Path lock = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        List<String> lines = Files.readAllLines(lock);
        Optional<ProcessHandle> postmaster = lines.isEmpty()
                ? Optional.empty()
                : parse(lines.get(0))
                        .flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info()
                                .command()
                                .map(c -> c.contains("postgres"))
                                .orElse(false));
        if (postmaster.isPresent()) {
            log.warn(
                    "Stopping PostgreSQL (pid {}) left running on {} by a previous run",
                    postmaster.get().pid(),
                    dataDirectory);
            postmaster.get().destroy();
            try {
                postmaster.get().onExit().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(lock);
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
