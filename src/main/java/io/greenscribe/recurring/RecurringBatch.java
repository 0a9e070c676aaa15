package io.greenscribe.recurring;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.scheduling.PlanRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A batch that recurs, like "every night from 22:00, finished by 07:00 Berlin time". Each
 * occurrence is a window in the batch's own time zone (so DST shifts are honoured) that the planner
 * fills with the greenest feasible run.
 *
 * @param name the batch's name; occurrence job ids are {@code name@date}
 * @param timeZone the wall clock the window is written in
 * @param days the days on which a window opens
 * @param opensAt when the window opens (the earliest start)
 * @param finishBy when the run must be finished; earlier than {@code opensAt} means the next day
 * @param zone the grid zone
 * @param deviceId the device that runs it
 * @param audioDuration the audio expected per occurrence
 */
public record RecurringBatch(
        String name,
        ZoneId timeZone,
        Set<DayOfWeek> days,
        LocalTime opensAt,
        LocalTime finishBy,
        GridZone zone,
        String deviceId,
        Duration audioDuration) {

    public RecurringBatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        if (opensAt.equals(finishBy)) {
            throw new IllegalArgumentException("batch " + name + ": window opens and closes at " + opensAt);
        }
    }

    /** Every night: opens at {@code opensAt}, finished by {@code finishBy} the next morning. */
    public static RecurringBatch nightly(
            String name,
            ZoneId timeZone,
            LocalTime opensAt,
            LocalTime finishBy,
            GridZone zone,
            String deviceId,
            Duration audio) {
        return new RecurringBatch(
                name, timeZone, EnumSet.allOf(DayOfWeek.class), opensAt, finishBy, zone, deviceId, audio);
    }

    /** One occurrence's window, in UTC instants. */
    public record Occurrence(String jobId, Instant opens, Instant deadline) {}

    /** The occurrences whose window opens in {@code [from, to)}. */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        LocalDate day = from.atZone(timeZone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(timeZone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime opens = day.atTime(opensAt).atZone(timeZone);
            LocalDate closeDay = finishBy.isAfter(opensAt) ? day : day.plusDays(1);
            ZonedDateTime closes = closeDay.atTime(finishBy).atZone(timeZone);
            if (!opens.toInstant().isBefore(from) && opens.toInstant().isBefore(to)) {
                out.add(new Occurrence(name + "@" + day, opens.toInstant(), closes.toInstant()));
            }
        }
        return out;
    }

    /** The next occurrence whose deadline is still ahead of {@code now}, as a plan request. */
    public PlanRequest nextRequest(Instant now) {
        Occurrence o = occurrences(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(9))).stream()
                .filter(x -> x.deadline().isAfter(now))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("batch " + name + " has no window in the next week"));
        return new PlanRequest(
                UUID.nameUUIDFromBytes(o.jobId().getBytes(StandardCharsets.UTF_8)),
                zone,
                deviceId,
                audioDuration,
                o.opens(),
                o.deadline(),
                false,
                null,
                false);
    }
}
