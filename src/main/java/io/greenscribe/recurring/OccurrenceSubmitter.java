package io.greenscribe.recurring;

import io.greenscribe.job.AudioInputs;
import io.greenscribe.job.AudioSource;
import io.greenscribe.job.batch.BatchService;
import io.greenscribe.job.batch.BatchView;
import io.greenscribe.system.GreenScribeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one opened occurrence into a batch, exactly once across every instance sharing the
 * database: the occurrence row, the batch and its jobs commit together or not at all.
 */
@RequiredArgsConstructor
class OccurrenceSubmitter {

    private static final Logger log = LoggerFactory.getLogger(OccurrenceSubmitter.class);

    private final RecurrenceRepository recurrences;
    private final RecurringOccurrences occurrences;
    private final BatchService batches;
    private final AudioInputs inputs;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** What an occurrence submitted: its batch ({@code null} when none), how many files, and why not more. */
    record Outcome(UUID batchId, int files, String note) {}

    /** Creates the occurrence unless it exists or its recurring batch was stopped; true when this call created it. */
    boolean submit(UUID recurringId, RecurringBatch.Occurrence occurrence) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                if (!occurrences.enabledLocked(recurringId)
                        || !occurrences.claim(recurringId, occurrence, clock.instant(), null)) {
                    return false;
                }
                Recurrence r = recurrences.findById(recurringId).orElseThrow();
                Outcome out = submit(r, occurrence);
                occurrences.complete(recurringId, Recurrence.key(occurrence), out.batchId(), out.files(), out.note());
                log.info(
                        "Recurring batch {} occurrence {}: {} file(s){}",
                        recurringId,
                        Recurrence.key(occurrence),
                        out.files(),
                        out.note() == null ? "" : " (" + out.note() + ")");
                return true;
            }));
        } catch (RuntimeException e) {
            // Everything above rolled back. Record the occurrence as failed, once: retrying it every
            // poll would repeat the same error all night.
            log.warn("Recurring batch {} occurrence {} failed", recurringId, Recurrence.key(occurrence), e);
            String why = e instanceof GreenScribeException
                    ? e.getMessage()
                    : "Internal error (" + e.getClass().getSimpleName() + "); the server log has the details.";
            return Boolean.TRUE.equals(tx.execute(s -> occurrences.enabledLocked(recurringId)
                    && occurrences.claim(recurringId, occurrence, clock.instant(), "Nothing was submitted: " + why)));
        }
    }

    private Outcome submit(Recurrence r, RecurringBatch.Occurrence occurrence) {
        List<AudioSource> listed;
        try {
            listed = batches.directory(r.directory);
        } catch (GreenScribeException e) {
            return new Outcome(null, 0, "The directory was not listed: " + e.getMessage());
        }
        List<AudioInputs.StoredAudio> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (AudioSource source : listed) {
            try {
                files.add(inputs.serverFile(((AudioSource.ServerFile) source).path()));
            } catch (GreenScribeException e) {
                refused.add(e.getMessage()); // e.g. a link that leads out of the allowed roots
            }
        }
        Set<String> seen = r.onlyNew
                ? occurrences.submitted(
                        r.id, files.stream().map(f -> f.path().toString()).toList())
                : Set.of();
        List<AudioSource> fresh = new ArrayList<>();
        for (AudioInputs.StoredAudio f : files) {
            if (!seen.contains(RecurringOccurrences.fileKey(f.path().toString(), f.bytes()))) {
                fresh.add(new AudioSource.ServerFile(f.path().toString()));
            }
        }
        String note = note(listed.size(), files.size() - fresh.size(), refused);
        if (fresh.isEmpty()) {
            return new Outcome(null, 0, note == null ? "The directory holds no files." : note);
        }
        BatchView batch =
                batches.submit(r.tenantId, r.name + " " + Recurrence.key(occurrence), fresh, r.options(occurrence));
        return new Outcome(batch.id(), fresh.size(), note);
    }

    private static String note(int listed, int alreadySubmitted, List<String> refused) {
        if (listed == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (alreadySubmitted > 0) {
            parts.add(alreadySubmitted + " of " + listed + " file(s) skipped: an earlier occurrence submitted them "
                    + "(same path and size).");
        }
        if (!refused.isEmpty()) {
            parts.add(refused.size() + " file(s) refused: "
                    + String.join(" ", refused.subList(0, Math.min(3, refused.size())))
                    + (refused.size() > 3 ? " …" : ""));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
