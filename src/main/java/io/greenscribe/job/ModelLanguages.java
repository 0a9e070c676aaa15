package io.greenscribe.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The languages a model recognizes, read from its tokenizer's language tokens ({@code <|en|>} …)
 * without loading the model, so that a submission naming another is refused at once (400) instead
 * of failing when it runs.
 */
@RequiredArgsConstructor
final class ModelLanguages {

    private static final Pattern LANGUAGE = Pattern.compile("<\\|([a-z]{2,3}|haw|yue)\\|>");

    private final Path modelsDirectory;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Set<String>> byModel = new ConcurrentHashMap<>();

    /** The model's language codes; empty when its tokenizer names none (then nothing is refused). */
    Set<String> of(String model) {
        return byModel.computeIfAbsent(model, this::read);
    }

    private Set<String> read(String model) {
        Path tokenizer = modelsDirectory.resolve(model).resolve("tokenizer.json");
        Set<String> codes = new TreeSet<>();
        if (!Files.isRegularFile(tokenizer)) {
            return codes;
        }
        try {
            JsonNode root = json.readTree(Files.readString(tokenizer));
            for (JsonNode token : root.path("added_tokens")) {
                Matcher m = LANGUAGE.matcher(token.path("content").asString());
                if (m.matches()) {
                    codes.add(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.copyOf(codes);
    }
}
