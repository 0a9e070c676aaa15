package io.greenscribe.system.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Generated credentials (the first admin API key, a generated console password) are printed once,
 * among many start-up lines; they are also kept here, {@code data/credentials} by default
 * ({@code greenscribe.security.credentials-file}), readable and writable by the owner only (0600),
 * one {@code name=value} line each, so an operator who missed the log can still find them.
 */
@Component
public class CredentialsFile {

    private static final Logger log = LoggerFactory.getLogger(CredentialsFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    CredentialsFile(@Value("${greenscribe.security.credentials-file:data/credentials}") Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path path() {
        return file;
    }

    /** Sets {@code name} to {@code value} (replacing an older value of it); false if it could not be written. */
    public synchronized boolean write(String name, String value) {
        try {
            Files.createDirectories(file.getParent());
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(file)) {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            }
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // also tightens a file made by hand
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            lines.removeIf(line -> line.startsWith(name + "="));
            lines.add(name + "=" + value);
            Files.write(file, lines);
            return true;
        } catch (IOException e) {
            log.warn("Could not write {} to {}: {}", name, file, e.toString());
            return false;
        }
    }
}
