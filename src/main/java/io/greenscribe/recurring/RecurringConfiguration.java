package io.greenscribe.recurring;

import io.greenscribe.job.AudioInputs;
import io.greenscribe.job.JobOptionsValidator;
import io.greenscribe.job.batch.BatchService;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Recurring batches: the API's service and the poller that turns opened windows into batches. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecurringProperties.class)
class RecurringConfiguration {

    @Bean
    RecurringOccurrences recurringOccurrences(JdbcClient jdbc) {
        return new RecurringOccurrences(jdbc);
    }

    @Bean
    RecurringBatchService recurringBatchService(
            RecurrenceRepository recurrences,
            RecurringOccurrences occurrences,
            BatchService batches,
            JobOptionsValidator validator,
            TransactionTemplate tx,
            Clock clock) {
        return new RecurringBatchService(recurrences, occurrences, batches, validator, tx, clock);
    }

    @Bean
    RecurringBatchScheduler recurringBatchScheduler(
            RecurrenceRepository recurrences,
            RecurringOccurrences occurrences,
            BatchService batches,
            AudioInputs inputs,
            TransactionTemplate tx,
            RecurringProperties properties,
            Clock clock) {
        return new RecurringBatchScheduler(
                recurrences,
                new OccurrenceSubmitter(recurrences, occurrences, batches, inputs, tx, clock),
                properties,
                clock);
    }
}
