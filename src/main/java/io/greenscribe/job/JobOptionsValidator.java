package io.greenscribe.job;

import io.greenscribe.pipeline.PipelineProperties;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.system.GreenScribeException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/** Rejects options that cannot work before anything is stored, with a message that says why. */
public class JobOptionsValidator {

    private final TranscriptionPipeline pipeline;
    private final PipelineProperties pipelineProperties;
    private final JobProperties properties;
    private final Clock clock;

    JobOptionsValidator(TranscriptionPipeline pipeline, PipelineProperties pipelineProperties, JobProperties properties,
            Clock clock) {
        this.pipeline = pipeline;
        this.pipelineProperties = pipelineProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /** Validates and returns the model the job will use. */
    public String validate(JobOptions o) {
        if (o.language() != null && !o.language().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new GreenScribeException("language '" + o.language() + "' is not an ISO 639 code such as en or zh.");
        }
        String model = o.model() == null || o.model().isBlank() ? pipelineProperties.defaultModel() : o.model();
        if (!pipeline.installedModels().contains(model)) {
            throw new GreenScribeException("Unknown model '" + model + "'; installed: " + pipeline.installedModels() + ".");
        }
        if (model.endsWith(".en") && o.language() != null && !o.language().startsWith("en")) {
            throw new GreenScribeException("Model '" + model + "' recognizes English only; language '" + o.language()
                    + "' needs a multilingual model.");
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
        if (o.callbackUrl() != null) {
            validateCallback(o.callbackUrl());
        }
        return model;
    }

    private void validateCallback(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new GreenScribeException("callbackUrl must be an absolute http or https URL.");
        }
        if (!properties.allowedCallbackHosts().isEmpty()
                && !properties.allowedCallbackHosts().contains(url.getHost().toLowerCase(Locale.ROOT))) {
            throw new GreenScribeException("callbackUrl host '" + url.getHost() + "' is not allowed on this server.");
        }
    }
}
