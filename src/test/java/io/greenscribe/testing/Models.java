package io.greenscribe.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/** Model directories prepared by {@code python3 models/fetch.py}; CI runs it before the tests. */
public final class Models {

    private Models() {}

    public static Path root() {
        return Path.of("models").toAbsolutePath();
    }

    /** The model's directory; fails loudly in CI, where fetch.py must have run. */
    public static Path require(String name) {
        Path dir = root().resolve(name);
        if (!Files.isDirectory(dir)) {
            String message = "model " + name + " missing: run python3 models/fetch.py " + name;
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            throw new TestAbortedException(message);
        }
        return dir;
    }
}
