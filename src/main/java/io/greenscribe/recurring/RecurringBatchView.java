package io.greenscribe.recurring;

import io.greenscribe.job.JobView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recurring batch as clients see it.
 *
 * @param id the recurring batch
 * @param name its name; each occurrence's batch is named {@code name date}
 * @param directory the server directory as given
 * @param timeZone the IANA zone its windows are written in
 * @param days the days on which a window opens
 * @param opensAt local time a window opens (the jobs' earliest start)
 * @param finishBy local time the jobs must be finished by; earlier than {@code opensAt} means the next day
 * @param options the options every job gets
 * @param model the model asked for, or {@code null} for the server's default at each occurrence
 * @param onlyNew whether files an earlier occurrence already submitted (same path and size) are skipped
 * @param enabled {@code false} once stopped
 * @param createdAt when it was created
 * @param stoppedAt when it was stopped, or {@code null}
 * @param next the next window whose deadline is ahead (it may be open already); {@code null} once stopped
 * @param occurrences the latest occurrences, newest first
 */
public record RecurringBatchView(
        UUID id,
        String name,
        String directory,
        String timeZone,
        List<String> days,
        String opensAt,
        String finishBy,
        JobView.Options options,
        String model,
        boolean onlyNew,
        boolean enabled,
        Instant createdAt,
        Instant stoppedAt,
        Window next,
        List<Occurrence> occurrences) {

    /** @param key the local date the window opens on; @param opens earliest start; @param deadline latest finish */
    public record Window(String key, Instant opens, Instant deadline) {}

    /**
     * @param key the local date the window opened on
     * @param opens earliest start of its jobs
     * @param deadline their deadline
     * @param batchId the batch it submitted, or {@code null} when it submitted nothing
     * @param files how many files it submitted
     * @param note why nothing (or not everything) was submitted, or {@code null}
     * @param createdAt when an instance created it
     */
    public record Occurrence(
            String key, Instant opens, Instant deadline, UUID batchId, int files, String note, Instant createdAt) {}
}
