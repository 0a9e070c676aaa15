package io.greenscribe.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTests {

    @TempDir
    Path dir;

    @Test
    void keepsEachGeneratedCredentialOnceInAFileOnlyItsOwnerCanRead() throws Exception {
        // given a data directory that does not exist yet
        CredentialsFile file = new CredentialsFile(dir.resolve("data/credentials"));

        // when the key is written, then a password twice (a new one at each start)
        assertThat(file.write("admin_api_key", "gs_first")).isTrue();
        file.write("console_password", "old");
        file.write("console_password", "new");

        // then the file holds the key and the latest password, and is 0600
        Path path = dir.resolve("data/credentials");
        assertThat(Files.readAllLines(path)).containsExactly("admin_api_key=gs_first", "console_password=new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
    }

    @Test
    void tightensAFileMadeByHand() throws Exception {
        Path path = dir.resolve("credentials");
        Files.writeString(path, "");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        new CredentialsFile(path).write("admin_api_key", "gs_x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
    }
}
