package io.greenscribe.job;

import io.greenscribe.system.GreenScribeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Turns an {@link AudioSource} into a local file: uploads are copied into the upload directory;
 * server paths are resolved (symbolic links included) and must stay inside an allowed root.
 */
@RequiredArgsConstructor
public class AudioInputs {

    /** The file a job reads, and whether the server owns it (and may delete it). */
    public record StoredAudio(Path path, String name, long bytes, boolean owned) {}

    private final JobProperties properties;

    StoredAudio store(UUID jobId, AudioSource source) {
        if (source instanceof AudioSource.Upload upload) {
            return upload(jobId, upload);
        }
        return serverFile(((AudioSource.ServerFile) source).path());
    }

    private StoredAudio upload(UUID jobId, AudioSource.Upload upload) {
        if (upload.size() == 0) {
            throw new GreenScribeException("The uploaded file is empty.");
        }
        if (upload.size() > properties.maxUploadSize().toBytes()) {
            throw new UploadTooLargeException(properties.maxUploadSize().toMegabytes());
        }
        String name = safeName(upload.filename());
        Path dir = properties.uploadDirectory().toAbsolutePath().resolve(jobId.toString());
        try (InputStream in = upload.content().open()) {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            long bytes = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return new StoredAudio(target, name, bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("storing upload for job " + jobId, e);
        }
    }

    public StoredAudio serverFile(String requested) {
        Path real = resolveAllowed(requested);
        if (!Files.isRegularFile(real)) {
            throw new GreenScribeException("'" + requested + "' is not a file.");
        }
        try {
            return new StoredAudio(real, real.getFileName().toString(), Files.size(real), false);
        } catch (IOException e) {
            throw new GreenScribeException("'" + requested + "' cannot be read.");
        }
    }

    /** The real path of {@code requested} when it lies inside an allowed root; throws otherwise. */
    public Path resolveAllowed(String requested) {
        List<String> roots = properties.allowedRoots();
        if (roots.isEmpty()) {
            throw new GreenScribeException("This server accepts uploads only: no server directories are allowed "
                    + "(greenscribe.jobs.allowed-roots).");
        }
        if (requested == null || requested.isBlank() || requested.indexOf('\0') >= 0) {
            throw new GreenScribeException("A path is required.");
        }
        for (String root : roots) {
            try {
                Path realRoot = Path.of(root).toRealPath();
                Path candidate = realRoot.resolve(requested).normalize();
                if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path real = candidate.toRealPath();
                if (real.startsWith(realRoot)) {
                    return real;
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // not under this root; try the next
            }
        }
        throw new GreenScribeException("'" + requested + "' is not a file under an allowed server directory.");
    }

    void delete(StoredAudio audio) {
        if (!audio.owned()) {
            return;
        }
        try {
            Files.deleteIfExists(audio.path());
            Files.deleteIfExists(audio.path().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upload's name as stored: its last path element, with anything but [A-Za-z0-9._-] replaced. */
    public static String safeName(String filename) {
        String base = filename == null
                ? ""
                : filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isEmpty() || base.startsWith(".") ? "audio" + base : base;
    }
}
