package io.greenscribe.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The arrows of docs/architecture.md as ArchUnit rules. Each room may import only the rooms its
 * arrow names; lower rooms never import the ones built on them.
 */
final class HouseRules {

    private static final String ROOT = "io.greenscribe.";

    private HouseRules() {}

    /** Rooms nobody else may import: the console, running a claimed job, recurring batches. */
    static final ArchRule NOTHING_IMPORTS_THE_TOP = noClasses()
            .that()
            .resideOutsideOfPackages(rooms("admin", "worker", "recurring", "cli"))
            .and()
            .resideOutsideOfPackage("io.greenscribe")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rooms("admin", "worker", "recurring", "cli"))
            .as("nothing imports admin, worker, recurring or cli (they are the top of the house)");

    /** The queue is the table and its statements; it calls a JobHandler and knows no other room. */
    static final ArchRule QUEUE_IMPORTS_NO_ROOM = importsNone(
            List.of("queue"),
            "queue imports no other room",
            "diarization",
            "admin",
            "job",
            "worker",
            "recurring",
            "scheduling",
            "carbon",
            "pipeline",
            "asr",
            "vad",
            "audio",
            "text",
            "energy",
            "transcription",
            "cli");

    /** The pipeline turns audio into text; it does not know jobs, queues, workers or the grid. */
    static final ArchRule PIPELINE_KNOWS_NO_JOBS = importsNone(
            List.of("pipeline"),
            "pipeline imports only asr, vad, audio, text, transcription, diarization and system",
            "admin",
            "job",
            "worker",
            "recurring",
            "scheduling",
            "carbon",
            "queue",
            "cli");

    /** Feeds only: the carbon room answers forecasts and plans nothing. */
    static final ArchRule CARBON_IS_FEEDS_ONLY = importsNone(
            List.of("carbon"),
            "carbon (the feeds) imports only system",
            "diarization",
            "admin",
            "job",
            "worker",
            "recurring",
            "scheduling",
            "pipeline",
            "queue",
            "asr",
            "vad",
            "audio",
            "text",
            "transcription",
            "cli");

    /** The engines and values at the bottom import nothing built on them. */
    static final ArchRule ENGINES_STAY_BELOW = importsNone(
            List.of("asr", "vad", "audio", "text", "energy", "system", "diarization"),
            "asr, vad, audio, text, energy, system and diarization import none of the rooms above them",
            "admin",
            "job",
            "worker",
            "recurring",
            "scheduling",
            "pipeline",
            "queue",
            "transcription",
            "cli");

    /** Jobs are planned by scheduling and run by worker; job calls neither back. */
    static final ArchRule JOB_DOES_NOT_IMPORT_ITS_RUNNERS = importsNone(
            List.of("job"),
            "job imports neither admin, worker, recurring nor cli",
            "admin",
            "worker",
            "recurring",
            "cli");

    /** The planner reads jobs through a port it owns (PlannedJobs), never the job room itself. */
    static final ArchRule SCHEDULING_KNOWS_ONLY_FEEDS = importsNone(
            List.of("scheduling"),
            "scheduling imports only carbon, energy, text and system",
            "diarization",
            "admin",
            "job",
            "worker",
            "recurring",
            "pipeline",
            "queue",
            "asr",
            "vad",
            "audio",
            "transcription",
            "cli");

    /** Webhooks send what they are handed; they know no job, worker or console. */
    static final ArchRule WEBHOOK_KNOWS_NO_JOBS = importsNone(
            List.of("webhook"),
            "webhook imports only system",
            "diarization",
            "admin",
            "job",
            "worker",
            "recurring",
            "scheduling",
            "pipeline",
            "queue",
            "asr",
            "vad",
            "audio",
            "transcription",
            "cli");

    /** The job aggregate changes only through its own methods (moves of the transition table among them). */
    static final ArchRule ONLY_THE_AGGREGATE_WRITES_ITS_FIELDS = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + "job.TranscriptionJob")
            .should()
            .setFieldWhere(com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe(
                                    "TranscriptionJob", c -> c.getFullName().equals(ROOT + "job.TranscriptionJob")))))
            .as("only TranscriptionJob writes TranscriptionJob's fields");

    static final ArchRule NO_CYCLES =
            slices().matching("io.greenscribe.(*)..").should().beFreeOfCycles().as("no import cycles between rooms");

    static final List<ArchRule> ALL = List.of(
            NOTHING_IMPORTS_THE_TOP,
            QUEUE_IMPORTS_NO_ROOM,
            PIPELINE_KNOWS_NO_JOBS,
            CARBON_IS_FEEDS_ONLY,
            ENGINES_STAY_BELOW,
            JOB_DOES_NOT_IMPORT_ITS_RUNNERS,
            SCHEDULING_KNOWS_ONLY_FEEDS,
            WEBHOOK_KNOWS_NO_JOBS,
            ONLY_THE_AGGREGATE_WRITES_ITS_FIELDS,
            NO_CYCLES);

    /** Classes of the {@code subject} rooms may import none of the {@code forbidden} rooms. */
    private static ArchRule importsNone(List<String> subject, String because, String... forbidden) {
        return noClasses()
                .that()
                .resideInAnyPackage(rooms(subject.toArray(String[]::new)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(rooms(forbidden))
                .as(because);
    }

    private static String[] rooms(String... names) {
        return java.util.Arrays.stream(names).map(n -> ROOT + n + "..").toArray(String[]::new);
    }
}
