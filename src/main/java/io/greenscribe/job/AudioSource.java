package io.greenscribe.job;

import java.io.IOException;
import java.io.InputStream;

/** Where a job's audio comes from: an upload, or a file under an allowed server directory. */
public sealed interface AudioSource {

    /** @param filename the client's name for the file; @param size bytes; @param content the bytes */
    record Upload(String filename, long size, Content content) implements AudioSource {}

    /** @param path a path under one of {@code greenscribe.jobs.allowed-roots} (absolute or relative to one) */
    record ServerFile(String path) implements AudioSource {}

    /** The upload's bytes, opened once. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }
}
