package io.greenscribe.job;

import io.greenscribe.diarization.SpeakerLimits;
import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.webhook.EgressPolicy;
import java.time.Clock;

/** Rejects options that cannot work before anything is stored, with a message that says why. */
public class JobOptionsValidator {

    private final TranscriptionPipeline pipeline;
    private final PipelineProperties pipelineProperties;
    private final EgressPolicy webhookPolicy;
    private final Clock clock;
    private final ModelLanguages languages;

    JobOptionsValidator(
            TranscriptionPipeline pipeline,
            PipelineProperties pipelineProperties,
            EgressPolicy webhookPolicy,
            Clock clock) {
        this.pipeline = pipeline;
        this.pipelineProperties = pipelineProperties;
        this.webhookPolicy = webhookPolicy;
        this.clock = clock;
        this.languages = new ModelLanguages(pipelineProperties.modelsDirectory());
    }

    /** Far enough for any real deadline; an instant beyond it overflowed the planner's arithmetic. */
    private static final java.time.Duration FURTHEST = java.time.Duration.ofDays(366L * 100);

    /**
     * A bound on what is stored: Whisper keeps only the prompt's last 223 tokens (a few hundred
     * words), so anything longer is cut when decoding, as OpenAI's endpoint cuts it.
     */
    static final int MAX_PROMPT_CHARS = 10_000;

    /** Validates and returns the model the job will use. */
    public String validate(JobOptions o) {
        if (o.language() != null && !o.languagePerWindow() && !o.language().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new GreenScribeException("language '" + o.language() + "' is not an ISO 639 code such as en or zh"
                    + " (or " + JobOptions.AUTO_PER_WINDOW + ").");
        }
        String model = o.model() == null || o.model().isBlank() ? pipelineProperties.defaultModel() : o.model();
        if (!pipeline.installedModels().contains(model)) {
            throw new GreenScribeException(
                    "Unknown model '" + model + "'; installed: " + pipeline.installedModels() + ".");
        }
        boolean englishOnly = englishOnly(model);
        if (englishOnly && o.translate()) {
            throw new GreenScribeException("Model '" + model + "' recognizes English only and cannot translate; "
                    + "task=translate needs a multilingual model" + multilingual() + ".");
        }
        if (englishOnly && o.languagePerWindow()) {
            throw new GreenScribeException("Model '" + model + "' recognizes English only; language="
                    + JobOptions.AUTO_PER_WINDOW + " needs a multilingual model" + multilingual() + ".");
        }
        if (englishOnly && o.language() != null && !o.language().startsWith("en")) {
            throw new GreenScribeException("Model '" + model + "' recognizes English only; language '" + o.language()
                    + "' needs a multilingual model.");
        }
        if (o.prompt() != null && o.prompt().length() > MAX_PROMPT_CHARS) {
            throw new GreenScribeException("prompt is " + o.prompt().length() + " characters; at most "
                    + MAX_PROMPT_CHARS + " are taken (the recognizer keeps only the last 223 tokens of it).");
        }
        if (o.language() != null && !o.languagePerWindow()) {
            String code = o.language().split("-", 2)[0];
            java.util.Set<String> known = languages.of(model);
            if (!known.isEmpty() && !known.contains(code)) {
                throw new GreenScribeException("language '" + o.language() + "' is not one model '" + model
                        + "' recognizes; it knows " + String.join(", ", known) + ".");
            }
        }
        for (var limit : java.util.Arrays.asList(o.deadline(), o.notBefore())) {
            if (limit != null && limit.isAfter(clock.instant().plus(FURTHEST))) {
                throw new GreenScribeException((limit == o.deadline() ? "deadline " : "notBefore ") + limit
                        + " is more than 100 years ahead.");
            }
        }
        if (o.hotwords().size() > 100 || o.hotwords().stream().anyMatch(w -> w.length() > 100 || w.contains("\n"))) {
            throw new GreenScribeException("At most 100 hotwords of at most 100 characters each.");
        }
        if (o.priority() < -100 || o.priority() > 100) {
            throw new GreenScribeException("priority must be between -100 and 100.");
        }
        if (o.deadline() != null && o.deadline().isBefore(clock.instant())) {
            throw new GreenScribeException("deadline " + o.deadline() + " has already passed.");
        }
        if (o.deadline() != null && o.notBefore() != null && !o.notBefore().isBefore(o.deadline())) {
            throw new GreenScribeException("notBefore must be before the deadline.");
        }
        if (o.diarization() != null) {
            checkDiarization(o.diarization());
        }
        if (o.callbackUrl() != null) {
            webhookPolicy.check(o.callbackUrl()); // resolved and checked again before each delivery
        }
        return model;
    }

    /** An English-only Whisper model: named *.en, or its tokenizer knows no language but English. */
    private boolean englishOnly(String model) {
        java.util.Set<String> known = languages.of(model);
        return model.endsWith(".en") || (!known.isEmpty() && known.equals(java.util.Set.of("en")));
    }

    /** ", such as whisper-base" when one is installed, so the message says what to pick. */
    private String multilingual() {
        return pipeline.installedModels().stream()
                .filter(m -> !englishOnly(m))
                .findFirst()
                .map(m -> " such as " + m)
                .orElse(" (none is installed here)");
    }

    /** Speaker counts within 1..{@link SpeakerLimits#MOST}, and min <= speakers <= max where given. */
    static void checkDiarization(JobOptions.Diarization d) {
        for (Integer n : java.util.Arrays.asList(d.speakers(), d.minSpeakers(), d.maxSpeakers())) {
            if (n != null && (n < 1 || n > SpeakerLimits.MOST)) {
                throw new GreenScribeException("speakers, minSpeakers and maxSpeakers must be between 1 and "
                        + SpeakerLimits.MOST + "; got " + n + ".");
            }
        }
        if (d.speakers() != null
                && ((d.minSpeakers() != null && d.minSpeakers() > d.speakers())
                        || (d.maxSpeakers() != null && d.maxSpeakers() < d.speakers()))) {
            throw new GreenScribeException("speakers (" + d.speakers() + ") is outside minSpeakers..maxSpeakers.");
        }
        if (d.minSpeakers() != null && d.maxSpeakers() != null && d.minSpeakers() > d.maxSpeakers()) {
            throw new GreenScribeException(
                    "minSpeakers (" + d.minSpeakers() + ") is above maxSpeakers (" + d.maxSpeakers() + ").");
        }
    }
}
