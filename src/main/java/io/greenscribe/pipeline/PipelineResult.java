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
 */
public record PipelineResult(
        boolean succeeded, boolean retryable, String error, double audioSeconds, double speechSeconds, int windows, String language,
        String model, String device) {}
