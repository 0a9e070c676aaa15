package io.greenscribe.job;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What clients may submit and where uploads go.
 *
 * @param uploadDirectory where uploaded audio is kept until the job is deleted
 * @param allowedRoots server directories clients may name instead of uploading (absolute, or
 *     relative to the working directory); empty allows none
 * @param maxUploadSize largest upload accepted (also the multipart limit)
 * @param allowedCallbackHosts host names webhooks may be sent to; empty allows any host, as long as
 *     it resolves to addresses the webhook egress policy allows ({@code greenscribe.webhooks.*})
 * @param webhookSecret key for the HMAC-SHA256 signature of webhook bodies
 * @param syncMaxSeconds longest audio the synchronous OpenAI-compatible endpoint accepts
 */
@ConfigurationProperties("greenscribe.jobs")
public record JobProperties(
        @DefaultValue("data/audio") Path uploadDirectory,
        @DefaultValue List<String> allowedRoots,
        @DefaultValue("512MB") DataSize maxUploadSize,
        @DefaultValue List<String> allowedCallbackHosts,
        @DefaultValue("change-me") String webhookSecret,
        @DefaultValue("120") int syncMaxSeconds) {}
