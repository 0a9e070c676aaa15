package io.greenscribe.asr;

import java.util.List;
import java.util.function.Consumer;

/**
 * How to decode. The safeguards are Whisper's usual ones: a decode whose text compresses too well
 * (repetition) or whose tokens are too unlikely is retried at the next temperature, and a window
 * the model believes silent produces no text.
 *
 * @param language ISO code, or {@code null} to detect per window
 * @param translate translate to English instead of transcribing
 * @param initialPrompt text fed as previous context (style, spelling of names)
 * @param hotwords terms the user wants recognised, fed as prompt context
 * @param timestamps predict segment timestamps (otherwise one segment per window)
 * @param temperatures fallback ladder; the first is used first, 0 means greedy
 * @param compressionRatioThreshold above it a decode counts as repetitive
 * @param logProbThreshold below it (mean token log-probability) a decode counts as failed
 * @param noSpeechThreshold above it, with a failed log-probability, the window counts as silent
 * @param maxNewTokens cap on tokens generated per window
 * @param seed seed for sampling at non-zero temperature, so runs are reproducible
 * @param wordTimestamps align each word to the audio (one more decoder pass per window)
 */
public record RecognitionOptions(
        String language,
        boolean translate,
        String initialPrompt,
        List<String> hotwords,
        boolean timestamps,
        List<Double> temperatures,
        double compressionRatioThreshold,
        double logProbThreshold,
        double noSpeechThreshold,
        int maxNewTokens,
        long seed,
        boolean wordTimestamps) {

    public RecognitionOptions {
        hotwords = hotwords == null ? List.of() : List.copyOf(hotwords);
        temperatures = temperatures == null || temperatures.isEmpty() ? List.of(0.0) : List.copyOf(temperatures);
    }

    /** Whisper's defaults: detect language, timestamps on, temperatures 0 … 1 in steps of 0.2. */
    public static RecognitionOptions defaults() {
        return new Draft().build();
    }

    public RecognitionOptions withLanguage(String code) {
        return edit(d -> d.language = code);
    }

    public RecognitionOptions withTranslate(boolean toEnglish) {
        return edit(d -> d.translate = toEnglish);
    }

    public RecognitionOptions withPrompt(String prompt, List<String> words) {
        return edit(d -> {
            d.initialPrompt = prompt;
            d.hotwords = words;
        });
    }

    public RecognitionOptions withTimestamps(boolean segments) {
        return edit(d -> d.timestamps = segments);
    }

    public RecognitionOptions withTemperatures(List<Double> ladder) {
        return edit(d -> d.temperatures = ladder);
    }

    public RecognitionOptions withWordTimestamps(boolean words) {
        return edit(d -> d.wordTimestamps = words);
    }

    /** A copy with some components changed: the one place, with {@link Draft#build}, that lists them all. */
    private RecognitionOptions edit(Consumer<Draft> change) {
        Draft d = new Draft();
        d.language = language;
        d.translate = translate;
        d.initialPrompt = initialPrompt;
        d.hotwords = hotwords;
        d.timestamps = timestamps;
        d.temperatures = temperatures;
        d.compressionRatioThreshold = compressionRatioThreshold;
        d.logProbThreshold = logProbThreshold;
        d.noSpeechThreshold = noSpeechThreshold;
        d.maxNewTokens = maxNewTokens;
        d.seed = seed;
        d.wordTimestamps = wordTimestamps;
        change.accept(d);
        return d.build();
    }

    /** Options being edited; the initial values are Whisper's defaults. */
    private static final class Draft {
        String language;
        boolean translate;
        String initialPrompt;
        List<String> hotwords = List.of();
        boolean timestamps = true;
        List<Double> temperatures = List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        double compressionRatioThreshold = 2.4;
        double logProbThreshold = -1.0;
        double noSpeechThreshold = 0.6;
        int maxNewTokens = 224;
        long seed;
        boolean wordTimestamps;

        RecognitionOptions build() {
            return new RecognitionOptions(
                    language,
                    translate,
                    initialPrompt,
                    hotwords,
                    timestamps,
                    temperatures,
                    compressionRatioThreshold,
                    logProbThreshold,
                    noSpeechThreshold,
                    maxNewTokens,
                    seed,
                    wordTimestamps);
        }
    }
}
