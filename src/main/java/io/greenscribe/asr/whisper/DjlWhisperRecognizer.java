package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.AutoCloseableRecognizer;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.Segment;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.asr.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
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
    private static final int SAMPLE_RATE = 16_000;
    private static final double SECONDS_PER_TIMESTAMP = 0.02;
    /** Less audio than this after the last timestamp is the window's trailing pad, not speech left out. */
    static final double MIN_REMAINDER_SECONDS = 1.0;
    /** A pass that ends this close to where it started made no progress; seeking again would loop. */
    private static final double MIN_ADVANCE_SECONDS = 0.5;
    /** How far into a joined piece a segment's end may reach and still belong to the piece before. */
    private static final double SEAM_SECONDS = 0.5;
    /** Passes per window at most: 30 s of speech never needs more; a bound on a model that keeps stopping. */
    private static final int MAX_PASSES = 6;

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
        WindowTranscript[] out = new WindowTranscript[windows.size()];
        Deque<Pass> queue = new ArrayDeque<>();
        for (int i = 0; i < windows.size(); i++) {
            if (isSilent(windows.get(i).samples())) {
                out[i] = silent(windows.get(i), options);
            } else {
                queue.add(new Pass(i, windows.get(i), 0, null, 1));
            }
        }
        // a window whose decoding ended before its audio did goes back in the queue from where it
        // stopped, and so rides in the next batch beside other windows, as Whisper's loop seeks
        while (!queue.isEmpty()) {
            List<Pass> batch = new ArrayList<>();
            while (batch.size() < batchSize.get() && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            List<PassResult> results = AdaptiveBatches.run(batch, batchSize, b -> recognizeBatch(b, options));
            for (int k = 0; k < batch.size(); k++) {
                Pass pass = batch.get(k);
                PassResult result = results.get(k);
                out[pass.slot()] =
                        pass.round() == 1 ? result.transcript() : joined(out[pass.slot()], result.transcript());
                Pass next = continuation(pass, result);
                if (next != null) {
                    queue.add(next);
                }
            }
        }
        List<WindowTranscript> mapped = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            mapped.add(onSourceTimeline(windows.get(i), out[i]));
        }
        return mapped;
    }

    /**
     * The next pass over a window, or null when this one reached the window's end: decoding that
     * ended on a timestamp with at least {@link #MIN_REMAINDER_SECONDS} of audible audio left
     * resumes at that timestamp (the text after it, if any, was cut off and is decoded again).
     */
    private Pass continuation(Pass pass, PassResult result) {
        DecodedSequence decoded = result.decoded();
        if (result.transcript().noSpeech() || pass.round() >= MAX_PASSES || !result.timestamps()) {
            return null;
        }
        List<Integer> tokens = decoded.tokens();
        boolean endsOnTimestamp = !tokens.isEmpty() && model.tokenizer.isTimestamp(tokens.get(tokens.size() - 1));
        if (!endsOnTimestamp) {
            return null; // text ran to the end of the window (or the token cap): nothing was left out
        }
        double resumeAt = (tokens.get(tokens.size() - 1) - model.tokenizer.timestampBegin) * SECONDS_PER_TIMESTAMP;
        int from = pass.fromSample() + (int) Math.round(resumeAt * SAMPLE_RATE);
        int length = pass.window().samples().length;
        if (resumeAt < MIN_ADVANCE_SECONDS
                || length - from < MIN_REMAINDER_SECONDS * SAMPLE_RATE
                || isSilent(Arrays.copyOfRange(pass.window().samples(), from, length))) {
            return null;
        }
        return new Pass(pass.slot(), pass.window(), from, result.transcript().language(), pass.round() + 1);
    }

    /** A window's result with the segments of a later pass over it added. */
    private static WindowTranscript joined(WindowTranscript first, WindowTranscript later) {
        List<Segment> segments = new ArrayList<>(first.segments());
        segments.addAll(later.segments());
        return new WindowTranscript(
                first.windowIndex(),
                first.language(),
                first.languageProbability(),
                segments,
                first.avgLogProb(),
                first.noSpeechProb(),
                first.compressionRatio(),
                first.temperature(),
                first.noSpeech() && later.noSpeech());
    }

    /** Segment and word times moved from the window's own clock to the original audio's. */
    private static WindowTranscript onSourceTimeline(AudioWindow window, WindowTranscript t) {
        List<Segment> segments = new ArrayList<>(t.segments().size());
        double maxWordSeconds = 2 * medianWordSeconds(t);
        for (Segment s : t.segments()) {
            List<Word> words = new ArrayList<>(s.words().size());
            for (Word w : s.words()) {
                // alignment stretches a word to where the next begins; across a cut that is a pause
                double start = source(window, w.start(), false);
                double end = Math.min(source(window, w.end(), true), window.pieceEndSeconds(w.start()));
                words.add(new Word(start, Math.max(start, end), w.word(), w.probability()));
            }
            double start = source(window, s.start(), false);
            // an end just past a seam is Whisper reaching for the next segment across the joined pads
            double end = Math.min(
                    source(window, s.end(), true), window.pieceEndSeconds(Math.max(s.start(), s.end() - SEAM_SECONDS)));
            if (!words.isEmpty()) {
                // with aligned words a segment spans its words, as faster-whisper does: its own
                // timestamp tokens may fall in a pad or across a cut pause, the words do not
                clampFirstWord(words, maxWordSeconds);
                start = words.get(0).start();
                end = words.get(words.size() - 1).end();
            }
            segments.add(new Segment(
                    start, Math.max(start, end), s.text(), s.avgLogProb(), s.noSpeechProb(), s.temperature(), words));
        }
        return new WindowTranscript(
                t.windowIndex(),
                t.language(),
                t.languageProbability(),
                segments,
                t.avgLogProb(),
                t.noSpeechProb(),
                t.compressionRatio(),
                t.temperature(),
                t.noSpeech());
    }

    /** Median duration of the window's aligned words, or infinity when it has none. */
    private static double medianWordSeconds(WindowTranscript t) {
        double[] durations = t.segments().stream()
                .flatMap(s -> s.words().stream())
                .mapToDouble(w -> w.end() - w.start())
                .filter(d -> d > 0)
                .sorted()
                .toArray();
        return durations.length == 0 ? Double.POSITIVE_INFINITY : durations[durations.length / 2];
    }

    /**
     * The alignment lets a segment's first word start at the segment's first frame, which in a
     * padded window is the pad before the speech. As Whisper's own timing code does, a first word
     * longer than twice the median word is cut to that length from its end.
     */
    private static void clampFirstWord(List<Word> words, double maxWordSeconds) {
        Word first = words.get(0);
        if (first.end() - first.start() > maxWordSeconds) {
            words.set(0, new Word(first.end() - maxWordSeconds, first.end(), first.word(), first.probability()));
        }
    }

    private static double source(AudioWindow window, double windowSeconds, boolean end) {
        return Math.round(window.sourceSeconds(windowSeconds, end) * 1000) / 1000.0;
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

    private List<PassResult> recognizeBatch(List<Pass> passes, RecognitionOptions options) {
        List<AudioWindow> batch = passes.stream().map(Pass::audio).toList();
        float[][] audio = batch.stream().map(AudioWindow::samples).toArray(float[][]::new);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray encoded = model.network.encode(model.features.compute(model.manager, audio));
            List<BatchDecoder.LanguageGuess> languages = languages(encoded, passes, options);
            PromptBuilder prompts = new PromptBuilder(model.tokenizer, model.multilingual(), options);
            LogitRules rules =
                    new LogitRules(model.tokenizer, model.suppress, model.suppressAtBegin, options.timestamps());
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
                NDArray rows = encoded.get(new NDIndex(
                        "{}",
                        model.manager.create(
                                pending.stream().mapToLong(Integer::longValue).toArray())));
                int[][] prefixes = pending.stream()
                        .map(i -> prompts.prefix(languages.get(i).code()))
                        .toArray(int[][]::new);
                List<DecodedSequence> decoded = decoder.decode(
                        rows, prefixes, prompts.sotIndex(), rules, temperature, options.maxNewTokens(), random);
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
            List<PassResult> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NDArray row = options.wordTimestamps() ? encoded.get(new NDIndex("{}:{}", i, i + 1)) : null;
                out.add(new PassResult(
                        transcript(batch.get(i), languages.get(i), accepted[i], options, row, prompts),
                        accepted[i],
                        options.timestamps()));
            }
            return out;
        }
    }

    private List<BatchDecoder.LanguageGuess> languages(NDArray encoded, List<Pass> passes, RecognitionOptions options) {
        int size = passes.size();
        if (options.language() == null
                && model.multilingual()
                && passes.stream().anyMatch(p -> p.language() != null)) {
            // later passes keep the language their window's first pass found
            List<BatchDecoder.LanguageGuess> detected = decoder.detectLanguage(encoded);
            List<BatchDecoder.LanguageGuess> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String known = passes.get(i).language();
                out.add(known == null ? detected.get(i) : new BatchDecoder.LanguageGuess(known, 1.0));
            }
            return out;
        }
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

    private WindowTranscript transcript(
            AudioWindow window,
            BatchDecoder.LanguageGuess language,
            DecodedSequence decoded,
            RecognitionOptions options,
            NDArray encoded,
            PromptBuilder prompts) {
        String text = text(decoded);
        double ratio = WindowJudge.compressionRatio(text);
        boolean silent = judge.isNoSpeech(decoded, options);
        List<WordAligner.AlignedWord> words = silent || !options.wordTimestamps() || !aligner.available()
                ? List.of()
                : alignWords(window, language.code(), decoded, encoded, prompts);
        var segments = silent
                ? List.<Segment>of()
                : splitter.split(decoded, window.offsetSeconds(), window.durationSeconds(), words);
        return new WindowTranscript(
                window.index(),
                language.code(),
                language.probability(),
                segments,
                decoded.avgLogProb(),
                decoded.noSpeechProb(),
                ratio,
                decoded.temperature(),
                silent);
    }

    private List<WordAligner.AlignedWord> alignWords(
            AudioWindow window, String language, DecodedSequence decoded, NDArray encoded, PromptBuilder prompts) {
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

    /**
     * One decoding pass over a window: from {@code fromSample} to its end.
     *
     * @param slot position of the window in the call
     * @param language language of the window's first pass, null on the first pass itself
     * @param round 1 for the first pass
     */
    private record Pass(int slot, AudioWindow window, int fromSample, String language, int round) {

        /** The part of the window this pass reads, timed from the window's first sample. */
        AudioWindow audio() {
            float[] samples = fromSample == 0
                    ? window.samples()
                    : Arrays.copyOfRange(window.samples(), fromSample, window.samples().length);
            return new AudioWindow(window.index(), samples, fromSample / (double) SAMPLE_RATE);
        }
    }

    private record PassResult(WindowTranscript transcript, DecodedSequence decoded, boolean timestamps) {}

    @Override
    public void close() {
        model.close();
    }
}
