package io.greenscribe.recurring;

import io.greenscribe.job.JobOptions;
import io.greenscribe.job.StoredOptions;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A recurring batch as stored: which directory, on which days, in which local window, with which
 * job options. Its windows come from {@link RecurringBatch}, which owns the DST arithmetic.
 */
@Entity
@Table(name = "recurring_batch")
class Recurrence {

    /** Occurrence windows are under a day and a DST hour long, so two days back finds every open one. */
    private static final Duration LONGEST_WINDOW = Duration.ofDays(2);

    @Id
    UUID id;

    UUID tenantId;
    String name;
    String directory;
    String timeZone;
    String days;
    LocalTime opensAt;
    LocalTime finishBy;
    String language;
    String model;
    String hotwords;
    boolean itn;
    String formats;
    int priority;
    String callbackUrl;
    boolean diarize;
    Integer speakers;
    Integer minSpeakers;
    Integer maxSpeakers;
    boolean onlyNew;
    boolean enabled;
    Instant createdAt;
    Instant stoppedAt;

    protected Recurrence() {}

    Recurrence(UUID id, UUID tenantId, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdAt = createdAt;
        this.enabled = true;
    }

    void setOptions(JobOptions o) {
        language = o.language();
        model = o.model();
        hotwords = StoredOptions.hotwords(o.hotwords());
        itn = o.itn();
        formats = StoredOptions.formats(o.formats());
        priority = o.priority();
        callbackUrl = o.callbackUrl() == null ? null : o.callbackUrl().toString();
        diarize = o.diarize();
        speakers = diarize ? o.diarization().speakers() : null;
        minSpeakers = diarize ? o.diarization().minSpeakers() : null;
        maxSpeakers = diarize ? o.diarization().maxSpeakers() : null;
    }

    /** The options as stored, without a window. */
    JobOptions options() {
        return window(null, null);
    }

    /**
     * The options every job of {@code occurrence} gets: not before the window opens, finished by its
     * deadline, so the carbon planner places each job in the greenest feasible part of the window.
     */
    JobOptions options(RecurringBatch.Occurrence occurrence) {
        return window(occurrence.deadline(), occurrence.opens());
    }

    private JobOptions window(Instant deadline, Instant notBefore) {
        return new JobOptions(
                        language,
                        model,
                        StoredOptions.hotwords(hotwords),
                        itn,
                        StoredOptions.formats(formats),
                        priority,
                        deadline,
                        notBefore,
                        callbackUrl == null ? null : URI.create(callbackUrl))
                .withDiarization(diarize ? new JobOptions.Diarization(speakers, minSpeakers, maxSpeakers) : null);
    }

    // The carbon planner is asked per job (CarbonAwareScheduling), so the plan-request fields of
    // RecurringBatch (grid zone, device, expected audio) stay unused here.
    RecurringBatch schedule() {
        return new RecurringBatch(
                name, ZoneId.of(timeZone), WeekDays.read(days), opensAt, finishBy, null, null, Duration.ZERO);
    }

    /** Occurrences whose window is open at {@code now}: opened at or before it, deadline after it. */
    List<RecurringBatch.Occurrence> open(Instant now) {
        return schedule().occurrences(now.minus(LONGEST_WINDOW), now.plusNanos(1)).stream()
                .filter(o -> o.deadline().isAfter(now))
                .toList();
    }

    /** The first occurrence whose deadline is still ahead (it may be open already); empty once stopped. */
    Optional<RecurringBatch.Occurrence> next(Instant now) {
        if (!enabled) {
            return Optional.empty();
        }
        return schedule().occurrences(now.minus(LONGEST_WINDOW), now.plus(Duration.ofDays(9))).stream()
                .filter(o -> o.deadline().isAfter(now))
                .findFirst();
    }

    /** The local date an occurrence belongs to: RecurringBatch names occurrences {@code name@date}. */
    static String key(RecurringBatch.Occurrence occurrence) {
        return occurrence.jobId().substring(occurrence.jobId().lastIndexOf('@') + 1);
    }

    void stop(Instant now) {
        if (enabled) {
            enabled = false;
            stoppedAt = now;
        }
    }

    void resume() {
        enabled = true;
        stoppedAt = null;
    }
}
