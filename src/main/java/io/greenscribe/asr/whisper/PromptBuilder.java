package io.greenscribe.asr.whisper;

import io.greenscribe.asr.RecognitionOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the decoder prefix: optional context ({@code <|startofprev|>} hotwords, initial prompt),
 * then the start-of-transcript sequence (language and task on multilingual models) and, without
 * timestamps, {@code <|notimestamps|>}. The context is shared by a batch, so every row's prefix has
 * the same length.
 */
final class PromptBuilder {

    /** Whisper reserves half its 448-token context for the prompt. */
    private static final int MAX_PROMPT_TOKENS = 223;

    private final WhisperTokenizer tokenizer;
    private final boolean multilingual;
    private final RecognitionOptions options;
    private final List<Integer> context;

    PromptBuilder(WhisperTokenizer tokenizer, boolean multilingual, RecognitionOptions options) {
        this.tokenizer = tokenizer;
        this.multilingual = multilingual;
        this.options = options;
        this.context = context();
    }

    private List<Integer> context() {
        List<Integer> tokens = new ArrayList<>();
        if (!options.hotwords().isEmpty()) {
            tokens.addAll(tokenizer.encode(String.join(", ", options.hotwords())));
        }
        if (options.initialPrompt() != null && !options.initialPrompt().isBlank()) {
            tokens.addAll(tokenizer.encode(options.initialPrompt()));
        }
        if (tokens.isEmpty()) {
            return tokens;
        }
        List<Integer> kept = tokens.subList(Math.max(0, tokens.size() - MAX_PROMPT_TOKENS), tokens.size());
        List<Integer> out = new ArrayList<>(kept.size() + 1);
        out.add(tokenizer.startOfPrevious);
        out.addAll(kept);
        return out;
    }

    int sotIndex() {
        return context.size();
    }

    int[] prefix(String language) {
        List<Integer> tokens = new ArrayList<>(context);
        tokens.add(tokenizer.startOfTranscript);
        if (multilingual) {
            tokens.add(tokenizer.languageToken(language));
            tokens.add(options.translate() ? tokenizer.translate : tokenizer.transcribe);
        }
        if (!options.timestamps()) {
            tokens.add(tokenizer.noTimestamps);
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }
}
