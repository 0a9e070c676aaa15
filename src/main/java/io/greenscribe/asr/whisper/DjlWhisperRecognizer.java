package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.AutoCloseableRecognizer;
import io.greenscribe.asr.WindowTranscript;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whisper on DJL's PyTorch engine. Windows go through the encoder and decoder in batches; a batch
 * that runs out of device memory is halved and retried, down to one window, before giving up.
 */
public final class DjlWhisperRecognizer implements AutoCloseableRecognizer {

    private static final double SILENCE_RMS = Math.pow(10, -70 / 20.0);

    private final WhisperModel model;
    private final BatchDecoder decoder;
    private final SegmentSplitter splitter;
    private final WordAligner aligner;
    private final WindowJudge judge = new WindowJudge();
    private final AtomicInteger batchSize;

    DjlWhisperRecognizer(WhisperModel model, int batchSize) {
        this.model = model;
        this.decoder = new BatchDecoder(model.network, model.tokenizer);
        this.splitter = new SegmentSplitter(model.tokenizer);
        this.aligner = new WordAligner(model.network, model.tokenizer, model.alignmentHeads);
        this.batchSize = new AtomicInteger(Math.max(1, batchSize));
    }

    @Override
    public String modelName() {
        return model.name;
    }

    @Override
    public int batchSize() {
        return batchSize.get();
    }

    @Override
    public List<WindowTranscript> recognize(List<AudioWindow> windows, RecognitionOptions options) {
        checkLanguage(options);
        boolean[] silent = new boolean[windows.size()];
        List<AudioWindow> audible = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            silent[i] = isSilent(windows.get(i).samples());
            if (!silent[i]) {
                audible.add(windows.get(i));
            }
        }
        Iterator<WindowTranscript> decoded =
                AdaptiveBatches.run(audible, batchSize, batch -> recognizeBatch(batch, options)).iterator();
        List<WindowTranscript> out = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            out.add(silent[i] ? silent(windows.get(i), options) : decoded.next());
        }
        return out;
    }

    private void checkLanguage(RecognitionOptions options) {
        if (options.language() == null) {
            return;
        }
        String code = options.language().toLowerCase(Locale.ROOT);
        if (model.tokenizer.languageToken(code) == null || (!model.multilingual() && !code.equals("en"))) {
            throw new UnsupportedLanguageException(code, model.name);
        }
    }

    /**
     * Below -70 dBFS RMS there is nothing to hear, and Whisper is known to invent a word or two for
     * such input ("you", "Thank you.") with confident log-probabilities that its own no-speech gate
     * lets through; so such windows are not decoded at all.
     */
    static boolean isSilent(float[] samples) {
        double energy = 0;
        for (float s : samples) {
            energy += s * s;
        }
        return samples.length == 0 || Math.sqrt(energy / samples.length) < SILENCE_RMS;
    }

    private WindowTranscript silent(AudioWindow window, RecognitionOptions options) {
        String language = options.language() != null ? options.language() : model.multilingual() ? "und" : "en";
        return new WindowTranscript(window.index(), language, 0, List.of(), 0, 1, 0, 0, true);
    }

    private List<WindowTranscript> recognizeBatch(List<AudioWindow> batch, RecognitionOptions options) {
        float[][] audio = batch.stream().map(AudioWindow::samples).toArray(float[][]::new);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray encoded = model.network.encode(model.features.compute(model.manager, audio));
            List<BatchDecoder.LanguageGuess> languages = languages(encoded, batch.size(), options);
            PromptBuilder prompts = new PromptBuilder(model.tokenizer, model.multilingual(), options);
            LogitRules rules = new LogitRules(model.tokenizer, model.suppress, model.suppressAtBegin, options.timestamps());
            Random random = new Random(options.seed());
            DecodedSequence[] accepted = new DecodedSequence[batch.size()];
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                pending.add(i);
            }
            for (double temperature : options.temperatures()) {
                if (pending.isEmpty()) {
                    break;
                }
                NDArray rows = encoded.get(new NDIndex("{}", model.manager.create(pending.stream().mapToLong(Integer::longValue).toArray())));
                int[][] prefixes = pending.stream().map(i -> prompts.prefix(languages.get(i).code())).toArray(int[][]::new);
                List<DecodedSequence> decoded = decoder.decode(rows, prefixes, prompts.sotIndex(), rules, temperature,
                        options.maxNewTokens(), random);
                List<Integer> retry = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    int row = pending.get(k);
                    DecodedSequence candidate = decoded.get(k);
                    accepted[row] = candidate;
                    if (judge.needsFallback(candidate, text(candidate), options)) {
                        retry.add(row);
                    }
                }
                pending = retry;
            }
            List<WindowTranscript> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NDArray row = options.wordTimestamps() ? encoded.get(new NDIndex("{}:{}", i, i + 1)) : null;
                out.add(transcript(batch.get(i), languages.get(i), accepted[i], options, row, prompts));
            }
            return out;
        }
    }

    private List<BatchDecoder.LanguageGuess> languages(NDArray encoded, int size, RecognitionOptions options) {
        if (options.language() != null || !model.multilingual()) {
            String code = options.language() != null ? options.language().toLowerCase(Locale.ROOT) : "en";
            List<BatchDecoder.LanguageGuess> fixed = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                fixed.add(new BatchDecoder.LanguageGuess(code, 1.0));
            }
            return fixed;
        }
        return decoder.detectLanguage(encoded);
    }

    private WindowTranscript transcript(AudioWindow window, BatchDecoder.LanguageGuess language,
            DecodedSequence decoded, RecognitionOptions options, NDArray encoded, PromptBuilder prompts) {
        String text = text(decoded);
        double ratio = WindowJudge.compressionRatio(text);
        boolean silent = judge.isNoSpeech(decoded, options);
        List<WordAligner.AlignedWord> words = silent || !options.wordTimestamps() || !aligner.available()
                ? List.of() : alignWords(window, language.code(), decoded, encoded, prompts);
        var segments = silent ? List.<io.greenscribe.asr.Segment>of()
                : splitter.split(decoded, window.offsetSeconds(), window.durationSeconds(), words);
        return new WindowTranscript(window.index(), language.code(), language.probability(), segments,
                decoded.avgLogProb(), decoded.noSpeechProb(), ratio, decoded.temperature(), silent);
    }

    private List<WordAligner.AlignedWord> alignWords(AudioWindow window, String language, DecodedSequence decoded,
            NDArray encoded, PromptBuilder prompts) {
        List<Integer> text = new ArrayList<>();
        List<Double> logProbs = new ArrayList<>();
        for (int i = 0; i < decoded.tokens().size(); i++) {
            int token = decoded.tokens().get(i);
            if (token < model.tokenizer.endOfText) {
                text.add(token);
                logProbs.add(decoded.tokenLogProbs().get(i));
            }
        }
        int[] prefix = prompts.prefix(language);
        int[] sot = java.util.Arrays.copyOfRange(prefix, prompts.sotIndex(), prefix.length);
        if (sot.length > 0 && sot[sot.length - 1] == model.tokenizer.noTimestamps) {
            sot = java.util.Arrays.copyOf(sot, sot.length - 1);
        }
        return aligner.align(encoded, sot, text, logProbs, window.samples().length, language);
    }

    private String text(DecodedSequence decoded) {
        return model.tokenizer.decode(decoded.tokens());
    }

    @Override
    public void close() {
        model.close();
    }
}
