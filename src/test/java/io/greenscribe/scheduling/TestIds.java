package io.greenscribe.scheduling;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Readable job ids for tests: the same name is the same UUID. */
public final class TestIds {

    private TestIds() {}

    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
