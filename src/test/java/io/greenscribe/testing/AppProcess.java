package io.greenscribe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The GreenScribe server in a process of its own (the test classpath, so the test database
 * settings apply), to be killed for real.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static AppProcess start(String name, String jdbcUrl, List<String> extraArgs) {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g",
                "-Dai.djl.offline=true",
                "-cp",
                classpath,
                "io.greenscribe.GreenScribeApplication",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--server.port=" + port,
                "--greenscribe.queue.worker-id=" + name));
        command.addAll(extraArgs);
        try {
            Path log =
                    Files.createDirectories(Path.of("target", "app-processes")).resolve(name + ".log");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new AppProcess(p, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Settings for tests that stop a process mid-job: short leases, so another process takes over
     * within seconds, and one window at a time in two partitions, so a stop lands between two
     * commits (with the default batch of 8 all windows of a short recording finish in one instant).
     */
    public static List<String> windowByWindow() {
        return List.of(
                "--greenscribe.queue.lease=5s",
                "--greenscribe.queue.heartbeat-interval=1s",
                "--greenscribe.queue.reap-interval=1s",
                "--greenscribe.queue.poll-interval=200ms",
                "--greenscribe.jobs.allowed-roots=" + SharedData.speech(""),
                "--greenscribe.pipeline.batch-size=1",
                "--greenscribe.pipeline.grid-size=2");
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, leases left as they are. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a deploy stops a pod; whether the process exited by itself within {@code limit}. */
    public boolean terminate(java.time.Duration limit) throws InterruptedException {
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
