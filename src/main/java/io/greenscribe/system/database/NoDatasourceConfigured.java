package io.greenscribe.system.database;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no datasource URL is set and the embedded database is not switched off. */
class NoDatasourceConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return ConditionOutcome.noMatch("spring.datasource.url is set");
        }
        if (!env.getProperty("greenscribe.database.embedded.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("greenscribe.database.embedded.enabled is false");
        }
        return ConditionOutcome.match("no datasource URL configured");
    }
}
