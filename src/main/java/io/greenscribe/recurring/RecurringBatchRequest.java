package io.greenscribe.recurring;

import io.greenscribe.job.JobOptions;
import io.greenscribe.job.api.OptionForm;
import io.greenscribe.system.GreenScribeException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a client sends to create a recurring batch (JSON). Unknown fields are refused.
 *
 * @param name required; each occurrence's batch is named {@code name date}
 * @param directory required: a directory under {@code greenscribe.jobs.allowed-roots}
 * @param timeZone IANA zone the times are written in; UTC when absent
 * @param days {@code ["MON","FRI"]}; empty or absent means every day
 * @param opensAt local time a window opens, {@code "22:00"}
 * @param finishBy local time its jobs must be finished by, {@code "07:00"} (the next day when earlier)
 * @param onlyNew skip files an earlier occurrence submitted (same path and size); true when absent
 * @param diarize label the speakers of every job (false when absent)
 * @param speakers with diarize: the number of speakers, else estimated
 * @param minSpeakers with diarize: the fewest speakers the estimate may give
 * @param maxSpeakers with diarize: the most speakers the estimate may give
 */
@Schema(name = "RecurringBatchRequest", description = "Every chosen day, the files in a directory, done by a time")
public record RecurringBatchRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "nightly-calls",
                description = "Each occurrence's batch is named after it and the date")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "incoming",
                description = "A directory under one of the server's allowed roots")
        String directory,

        @Schema(description = "IANA zone the times are in; UTC when absent", example = "Europe/London")
        String timeZone,

        @Schema(description = "Days it runs; every day when absent", example = "[\"MON\", \"WED\", \"FRI\"]")
        List<String> days,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Local time a window opens",
                example = "22:00")
        String opensAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Local time its jobs must be finished by (the next day when earlier)",
                example = "07:00")
        String finishBy,

        @Schema(description = "Spoken language, ISO 639-1", example = "en")
        String language,

        @Schema(description = "Speech model; the server's default when absent", example = "whisper-tiny.en")
        String model,

        @Schema(description = "Words to favour") List<String> hotwords,

        @Schema(description = "Inverse text normalisation", example = "true")
        Boolean itn,

        @Schema(description = "Transcript formats to keep ready", example = "[\"srt\"]")
        List<String> formats,

        @Schema(description = "-100 to 100; higher runs first", example = "0")
        Integer priority,

        @Schema(description = "Called with a signed POST when each job ends", format = "uri")
        String callbackUrl,

        @Schema(
                description = "Skip files an earlier occurrence submitted (same path and size)",
                defaultValue = "true",
                example = "true")
        Boolean onlyNew,

        @Schema(description = "Label the speakers of every job (speaker diarization)", defaultValue = "false")
        Boolean diarize,

        @Schema(description = "With diarize: the number of speakers (1 to 20); estimated when absent")
        Integer speakers,

        @Schema(description = "With diarize: the fewest speakers the estimate may give")
        Integer minSpeakers,

        @Schema(description = "With diarize: the most speakers the estimate may give")
        Integer maxSpeakers) {

    /** The request as a new, validated recurring batch, except its directory and job options (checked by the caller). */
    Recurrence toRecurrence(Recurrence r) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new GreenScribeException("name is required (at most 200 characters).");
        }
        if (directory == null || directory.isBlank()) {
            throw new GreenScribeException("directory is required: a server directory under an allowed root.");
        }
        r.name = name.strip();
        r.directory = directory;
        r.timeZone = zone().getId();
        r.days = WeekDays.format(WeekDays.parse(days));
        r.opensAt = time("opensAt", opensAt);
        r.finishBy = time("finishBy", finishBy);
        if (r.opensAt.equals(r.finishBy)) {
            throw new GreenScribeException(
                    "opensAt and finishBy are both " + r.opensAt + "; a window needs time to run in.");
        }
        r.setOptions(new JobOptions(
                        language,
                        model,
                        hotwords,
                        itn == null || itn,
                        formats == null ? List.of() : OptionForm.formats(formats),
                        priority == null ? 0 : priority,
                        null,
                        null,
                        OptionForm.uri(callbackUrl))
                .withDiarization(
                        OptionForm.diarization(diarize != null && diarize, speakers, minSpeakers, maxSpeakers)));
        r.onlyNew = onlyNew == null || onlyNew;
        return r;
    }

    private ZoneId zone() {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new GreenScribeException(
                    "timeZone '" + timeZone + "' is not a time zone; use an IANA name such as " + "Europe/Berlin.");
        }
    }

    private static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new GreenScribeException(field + " is required, as a local time such as 22:00.");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new GreenScribeException(field + " must be a local time such as 22:00, not '" + value + "'.");
        }
    }
}
