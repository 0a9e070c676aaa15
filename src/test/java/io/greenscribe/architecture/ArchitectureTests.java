package io.greenscribe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.greenscribe.job.AggregateFieldWriter;
import io.greenscribe.queue.QueueThatKnowsJobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The build fails when an arrow of docs/architecture.md points the wrong way. */
class ArchitectureTests {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.greenscribe");
    }

    static final java.util.List<ArchRule> rules = HouseRules.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("rules")
    void theMainCodeKeepsTheRule(ArchRule rule) {
        rule.check(main);
    }

    @Test
    void aWrongWayImportIsCaught() {
        // given a class in the queue room that imports the job room (a test fixture, never shipped)
        JavaClasses wrong = new ClassFileImporter().importClasses(QueueThatKnowsJobs.class);
        // then the queue rule reports it, naming the import
        var result = HouseRules.QUEUE_IMPORTS_NO_ROOM.evaluate(wrong);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("JobStatus"));
    }

    @Test
    void aWriteOfTheAggregatesFieldFromOutsideIsCaught() {
        JavaClasses wrong = new ClassFileImporter().importClasses(AggregateFieldWriter.class);
        var result = HouseRules.ONLY_THE_AGGREGATE_WRITES_ITS_FIELDS.evaluate(wrong);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("priority"));
    }
}
