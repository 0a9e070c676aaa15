package io.greenscribe.asr.whisper;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscribe.asr.ModelNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whisper's byte-level BPE (through the Hugging Face tokenizers library) plus its special tokens,
 * looked up by their text in {@code tokenizer.json} because their ids differ between English-only
 * and multilingual checkpoints.
 */
final class WhisperTokenizer implements AutoCloseable {

    private static final Pattern LANGUAGE = Pattern.compile("<\\|([a-z]{2,3}|haw|yue)\\|>");

    private final HuggingFaceTokenizer bpe;
    private final Map<String, Integer> languages = new LinkedHashMap<>();
    final int endOfText;
    final int startOfTranscript;
    final int translate;
    final int transcribe;
    final int startOfPrevious;
    final int noSpeech;
    final int noTimestamps;
    final int timestampBegin;

    WhisperTokenizer(Path modelDir) {
        Path json = modelDir.resolve("tokenizer.json");
        Map<String, Integer> special = new LinkedHashMap<>();
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            for (JsonNode token : root.path("added_tokens")) {
                special.put(token.path("content").asText(), token.path("id").asInt());
            }
            this.bpe = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(json)
                    .optAddSpecialTokens(false)
                    .build();
        } catch (IOException e) {
            throw new ModelNotFoundException("cannot read " + json + ": " + e.getMessage(), e);
        }
        endOfText = require(special, "<|endoftext|>");
        startOfTranscript = require(special, "<|startoftranscript|>");
        translate = require(special, "<|translate|>");
        transcribe = require(special, "<|transcribe|>");
        startOfPrevious = require(special, "<|startofprev|>");
        noSpeech = special.getOrDefault("<|nospeech|>", special.getOrDefault("<|nocaptions|>", -1));
        noTimestamps = require(special, "<|notimestamps|>");
        timestampBegin = noTimestamps + 1;
        for (Map.Entry<String, Integer> e : special.entrySet()) {
            Matcher m = LANGUAGE.matcher(e.getKey());
            if (m.matches() && e.getValue() > startOfTranscript && e.getValue() < translate) {
                languages.put(m.group(1), e.getValue());
            }
        }
    }

    private static int require(Map<String, Integer> special, String token) {
        Integer id = special.get(token);
        if (id == null) {
            throw new ModelNotFoundException("tokenizer.json lacks the special token " + token);
        }
        return id;
    }

    /** Text tokens for a prompt; a leading space matches how Whisper saw words mid-sentence. */
    List<Integer> encode(String text) {
        long[] ids = bpe.encode(" " + text.strip(), false, false).getIds();
        List<Integer> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add((int) id);
        }
        return out;
    }

    /** Text of the given tokens, ignoring special and timestamp tokens. */
    String decode(List<Integer> tokens) {
        long[] ids = tokens.stream()
                .filter(t -> t < endOfText)
                .mapToLong(Integer::longValue)
                .toArray();
        return ids.length == 0 ? "" : bpe.decode(ids, true);
    }

    Integer languageToken(String code) {
        return languages.get(code);
    }

    Map<String, Integer> languages() {
        return languages;
    }

    String languageOf(int token) {
        for (Map.Entry<String, Integer> e : languages.entrySet()) {
            if (e.getValue() == token) {
                return e.getKey();
            }
        }
        return null;
    }

    boolean isTimestamp(int token) {
        return token >= timestampBegin;
    }

    @Override
    public void close() {
        bpe.close();
    }
}
