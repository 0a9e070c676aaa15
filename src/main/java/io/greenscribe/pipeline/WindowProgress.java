package io.greenscribe.pipeline;

/**
 * @param done windows recognized and committed
 * @param total windows the job was split into (0 before speech detection ran)
 */
public record WindowProgress(int done, int total) {}
