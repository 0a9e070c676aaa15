package io.greenscribe.recurring;

import io.greenscribe.job.JobOptions;
import io.greenscribe.job.JobOptionsValidator;
import io.greenscribe.job.JobView;
import io.greenscribe.job.batch.BatchService;
import io.greenscribe.system.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating, reading and stopping recurring batches. Every method takes the caller's tenant and
 * reports another tenant's recurring batch as not found.
 */
@RequiredArgsConstructor
public class RecurringBatchService {

    private final RecurrenceRepository recurrences;
    private final RecurringOccurrences occurrences;
    private final BatchService batches;
    private final JobOptionsValidator validator;
    private final TransactionTemplate tx;
    private final Clock clock;

    public RecurringBatchView create(UUID tenant, RecurringBatchRequest request) {
        Instant now = clock.instant();
        Recurrence r = request.toRecurrence(new Recurrence(UUID.randomUUID(), tenant, now));
        batches.directory(r.directory); // inside an allowed root, a directory, listable; checked again each occurrence
        validator.validate(r.options());
        return view(recurrences.saveAndFlush(r), now, 0);
    }

    public List<RecurringBatchView> list(UUID tenant) {
        Instant now = clock.instant();
        return recurrences.findByTenantIdOrderByCreatedAtDesc(tenant).stream()
                .map(r -> view(r, now, 1))
                .toList();
    }

    /** With its latest {@code history} occurrences, newest first. */
    public RecurringBatchView get(UUID tenant, UUID id, int history) {
        return view(load(tenant, id), clock.instant(), Math.max(0, Math.min(history, 100)));
    }

    /** Stops future occurrences; the batches already submitted run on, and the history stays readable. */
    public RecurringBatchView stop(UUID tenant, UUID id) {
        Instant now = clock.instant();
        Recurrence stopped = tx.execute(s -> {
            Recurrence r = load(tenant, id);
            r.stop(now);
            return recurrences.saveAndFlush(r);
        });
        return view(stopped, now, 10);
    }

    /** Starts a stopped recurring batch again: occurrences resume from the next window whose deadline is ahead. */
    public RecurringBatchView resume(UUID tenant, UUID id) {
        Instant now = clock.instant();
        Recurrence resumed = tx.execute(s -> {
            Recurrence r = load(tenant, id);
            r.resume();
            return recurrences.saveAndFlush(r);
        });
        return view(resumed, now, 10);
    }

    /**
     * Deletes it with its occurrence history; the batches it submitted stay. The row lock makes an
     * occurrence being created (which holds a share lock on it) finish first.
     */
    public void delete(UUID tenant, UUID id) {
        tx.executeWithoutResult(s -> {
            load(tenant, id);
            occurrences.deleteAll(id);
            recurrences.deleteById(id);
            recurrences.flush();
        });
    }

    private Recurrence load(UUID tenant, UUID id) {
        return recurrences
                .findByIdAndTenantId(id, tenant)
                .orElseThrow(() -> new NotFoundException("Recurring batch " + id + " not found."));
    }

    private RecurringBatchView view(Recurrence r, Instant now, int history) {
        JobOptions o = r.options();
        return new RecurringBatchView(
                r.id,
                r.name,
                r.directory,
                r.timeZone,
                WeekDays.names(WeekDays.read(r.days)),
                r.opensAt.toString(),
                r.finishBy.toString(),
                new JobView.Options(
                        o.language(),
                        o.hotwords(),
                        o.itn(),
                        o.formats().stream()
                                .map(io.greenscribe.text.TranscriptFormat::extension)
                                .toList(),
                        o.priority(),
                        r.callbackUrl,
                        o.translate() ? "translate" : "transcribe",
                        o.prompt(),
                        o.wordTimestamps(),
                        o.diarize(),
                        o.diarization() == null ? null : o.diarization().speakers(),
                        o.diarization() == null ? null : o.diarization().minSpeakers(),
                        o.diarization() == null ? null : o.diarization().maxSpeakers()),
                r.model,
                r.onlyNew,
                r.enabled,
                r.createdAt,
                r.stoppedAt,
                r.next(now)
                        .map(x -> new RecurringBatchView.Window(Recurrence.key(x), x.opens(), x.deadline()))
                        .orElse(null),
                history == 0 ? List.of() : occurrences.recent(r.id, history));
    }
}
