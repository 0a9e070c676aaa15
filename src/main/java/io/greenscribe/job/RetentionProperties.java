package io.greenscribe.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's retention defaults, as Azure batch transcription's {@code timeToLive}: what a job
 * keeps when neither it nor its tenant says otherwise, and how often the purge runs.
 *
 * @param audioTtl how long an uploaded file is kept after its job ends; unset keeps it until the
 *     job is purged by hand (audio named by a server path is never deleted: the server does not own it)
 * @param transcriptTtl how long the transcript is kept after its job ends; unset (the default) keeps
 *     it until it is deleted
 * @param purgeInterval how often the purge task looks for what is due (and for stale work files)
 * @param purgeBatch jobs one purge transaction takes at most
 */
@ConfigurationProperties("greenscribe.retention")
public record RetentionProperties(
        @DefaultValue("7d") Duration audioTtl,
        Duration transcriptTtl,
        @DefaultValue("1m") Duration purgeInterval,
        @DefaultValue("100") int purgeBatch) {}
