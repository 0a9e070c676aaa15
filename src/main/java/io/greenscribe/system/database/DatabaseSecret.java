package io.greenscribe.system.database;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import lombok.RequiredArgsConstructor;

/**
 * The password of the embedded database's superuser: generated once, kept readable by the server's
 * user only (0600) inside the data directory, which PostgreSQL itself keeps at 0700. initdb refuses a
 * non-empty directory, so on a first start the secret waits beside the directory and moves in once
 * the cluster exists.
 */
@RequiredArgsConstructor
final class DatabaseSecret {

    static final String FILE_NAME = "greenscribe-db.secret";

    private final Path dataDirectory;
    private final String value;

    /** Reads the secret of an existing cluster, or generates one for a cluster still to be created. */
    static DatabaseSecret of(Path dataDirectory) throws IOException {
        Path inside = dataDirectory.resolve(FILE_NAME);
        if (Files.isRegularFile(inside)) {
            return new DatabaseSecret(dataDirectory, Files.readString(inside).strip());
        }
        Path pending = pending(dataDirectory);
        if (!Files.isRegularFile(pending)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            writePrivate(pending, HexFormat.of().formatHex(random));
        }
        return new DatabaseSecret(dataDirectory, Files.readString(pending).strip());
    }

    String value() {
        return value;
    }

    /** The file initdb reads the superuser's password from ({@code --pwfile}). */
    Path passwordFile() {
        Path inside = dataDirectory.resolve(FILE_NAME);
        return Files.isRegularFile(inside) ? inside : pending(dataDirectory);
    }

    /** Once the cluster exists the secret lives inside it. */
    void keepInDataDirectory() throws IOException {
        Path pending = pending(dataDirectory);
        if (Files.isRegularFile(pending)) {
            Files.move(
                    pending,
                    dataDirectory.resolve(FILE_NAME),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Path pending(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + "." + FILE_NAME);
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // another start got here first; its content is overwritten below with ours, before use
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content + "\n");
    }
}
