package io.greenscribe.pipeline;

import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.audio.PcmAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Decoded audio kept between steps as raw little-endian float32. When the file is missing (a
 * restart on another machine, a cleaned work folder) the audio is decoded again: decoding is
 * cheap next to recognition, and results are keyed by window, not by this file.
 */
@RequiredArgsConstructor
class PcmStore {

    private final Path directory;
    private final AudioDecoder decoder;

    PcmAudio load(UUID jobId, Path audio) {
        Path file = file(jobId);
        try {
            if (Files.isRegularFile(file)) {
                ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
                float[] samples = new float[bytes.remaining() / 4];
                bytes.asFloatBuffer().get(samples);
                return new PcmAudio(samples);
            }
            PcmAudio pcm = decoder.decode(audio);
            save(file, pcm);
            return pcm;
        } catch (IOException e) {
            throw new UncheckedIOException("work file " + file, e);
        }
    }

    /**
     * Samples {@code [from, to)} of the job's audio, read from the work file alone: the recognize
     * step's partitions each need only their windows, and holding the whole recording once per
     * partition would cost gigabytes on an hour of audio. A missing work file is decoded again
     * first, once, whichever partition gets there first.
     */
    float[] window(UUID jobId, Path audio, int from, int to) {
        Path file = file(jobId);
        if (!Files.isRegularFile(file)) {
            synchronized (this) {
                if (!Files.isRegularFile(file)) {
                    load(jobId, audio);
                }
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // clamped to the audio, as PcmAudio.slice is
            int start = Math.max(0, from);
            int end = (int) Math.min(to, channel.size() / 4);
            ByteBuffer bytes = ByteBuffer.allocate(Math.max(0, end - start) * 4).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, (long) start * 4 + bytes.position()) < 0) {
                    throw new IllegalStateException("work file " + file + " shrank while being read");
                }
            }
            float[] samples = new float[bytes.capacity() / 4];
            bytes.flip();
            bytes.asFloatBuffer().get(samples);
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("work file " + file, e);
        }
    }

    /** The jobs whose work file lies in the directory (a partly written one included). */
    java.util.Set<UUID> jobs() {
        if (!Files.isDirectory(directory)) {
            return java.util.Set.of();
        }
        try (var files = Files.list(directory)) {
            java.util.Set<UUID> ids = new java.util.HashSet<>();
            files.forEach(f -> {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                try {
                    ids.add(UUID.fromString(dot < 0 ? name : name.substring(0, dot)));
                } catch (IllegalArgumentException notOurs) {
                    // a file someone else put here is left alone
                }
            });
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("listing work directory " + directory, e);
        }
    }

    void delete(UUID jobId) {
        try {
            Files.deleteIfExists(directory.resolve(jobId + ".f32.part"));
            Files.deleteIfExists(file(jobId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(Path file, PcmAudio pcm) throws IOException {
        Files.createDirectories(directory);
        ByteBuffer bytes = ByteBuffer.allocate(pcm.samples().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(pcm.samples());
        Path partial = directory.resolve(file.getFileName() + ".part");
        Files.write(partial, bytes.array());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(UUID jobId) {
        return directory.resolve(jobId + ".f32");
    }
}
