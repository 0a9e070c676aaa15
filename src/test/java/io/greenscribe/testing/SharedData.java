package io.greenscribe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's real test data, which CI keeps beside the clone in {@code ../shared/data}. */
public final class SharedData {

    private SharedData() {}

    public static Path speech(String relative) {
        return root().resolve("speech").resolve(relative);
    }

    public static Path carbon(String relative) {
        return root().resolve("carbon").resolve(relative);
    }

    public static Path root() {
        return Path.of("..", "shared", "data").toAbsolutePath().normalize();
    }

    /** Rows of a speech set's manifest.tsv: file, language, duration_seconds, reference. */
    public static List<Utterance> manifest(String set) {
        return readAll(speech(set).resolve("manifest.tsv"));
    }

    private static List<Utterance> readAll(Path manifest) {
        try {
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            List<Utterance> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t", -1);
                rows.add(new Utterance(
                        manifest.getParent().resolve(cols[0]), cols[1], Double.parseDouble(cols[2]), cols[3]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One manifest row. */
    public record Utterance(Path file, String language, double durationSeconds, String reference) {}
}
