package io.greenscribe.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultSpeed audio seconds per wall second a job's ETA assumes until a job with the same
 *     device and model has succeeded on this database (1 = real time; the planner's default too)
 */
@ConfigurationProperties("greenscribe.progress")
public record ProgressProperties(@DefaultValue("1.0") double defaultSpeed) {}
