package io.greenscribe.pipeline;

/**
 * How a run ended and what it measured.
 *
 * @param succeeded whether the transcript was assembled
 * @param retryable it failed for a passing reason (a database hiccup); running it again resumes it
 * @param error a sentence for the user when it did not succeed
 * @param audioSeconds length of the decoded audio
 * @param speechSeconds length of the windows recognized
 * @param windows number of windows
 * @param language language the transcript is in
 * @param model model that recognized it
 * @param device device it ran on
 * @param warning a sentence when the upload was not read whole (truncated or damaged: "decoded
 *     4.2 s; the container declares 10.5 s"), else null; the transcript covers what was decoded
 */
public record PipelineResult(
        boolean succeeded,
        boolean retryable,
        String error,
        double audioSeconds,
        double speechSeconds,
        int windows,
        String language,
        String model,
        String device,
        String warning) {

    public PipelineResult(
            boolean succeeded,
            boolean retryable,
            String error,
            double audioSeconds,
            double speechSeconds,
            int windows,
            String language,
            String model,
            String device) {
        this(succeeded, retryable, error, audioSeconds, speechSeconds, windows, language, model, device, null);
    }
}
