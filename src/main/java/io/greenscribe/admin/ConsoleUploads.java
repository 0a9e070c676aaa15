package io.greenscribe.admin;

import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.JobService;
import io.greenscribe.job.api.OptionForm;
import io.greenscribe.job.batch.BatchService;
import io.greenscribe.system.GreenScribeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Console submissions, through the same services as {@code POST /api/v1/jobs} and
 * {@code POST /api/v1/batches}: one file becomes a job, several become a batch.
 */
@Component
@RequiredArgsConstructor
class ConsoleUploads {

    private final JobService jobs;
    private final BatchService batches;

    /** What the console sent; blank fields mean the server's defaults (an unticked box sends nothing). */
    record Form(
            String language,
            Integer priority,
            String notBefore,
            String deadline,
            String batchName,
            Boolean diarize,
            Integer speakers,
            Integer minSpeakers,
            Integer maxSpeakers) {

        JobOptions options(ZoneId zone) {
            String lang = language == null || language.isBlank() ? null : language.strip();
            return new JobOptions(
                            lang,
                            null,
                            List.of(),
                            true,
                            List.of(),
                            priority == null ? 0 : priority,
                            instant(deadline, "deadline", zone),
                            instant(notBefore, "not before", zone),
                            null)
                    .withDiarization(
                            OptionForm.diarization(Boolean.TRUE.equals(diarize), speakers, minSpeakers, maxSpeakers));
        }

        // <input type="datetime-local"> sends local time without a zone; the form names the console's zone.
        private static Instant instant(String value, String field, ZoneId zone) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new GreenScribeException("'" + value + "' is not a date and time for " + field + ".");
            }
        }
    }

    /** The submitted job, or the batch that holds several; {@code batch} tells which. */
    record Result(UUID id, boolean batch, int files) {}

    Result submit(UUID tenant, List<MultipartFile> files, Form form, ZoneId zone) {
        List<MultipartFile> present = files == null
                ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
        if (present.isEmpty()) {
            throw new GreenScribeException("Choose or drop at least one audio file.");
        }
        List<AudioSource> sources = present.stream()
                .<AudioSource>map(f -> new AudioSource.Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream))
                .toList();
        if (sources.size() == 1) {
            return new Result(
                    jobs.submit(tenant, sources.get(0), form.options(zone), null, null)
                            .job()
                            .id(),
                    false,
                    1);
        }
        String name = form.batchName() == null || form.batchName().isBlank()
                ? null
                : form.batchName().strip();
        return new Result(
                batches.submit(tenant, name, sources, form.options(zone)).id(), true, sources.size());
    }
}
