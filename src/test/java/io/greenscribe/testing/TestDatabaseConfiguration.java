package io.greenscribe.testing;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Import into integration tests: the same tests run on a Testcontainers PostgreSQL where Docker
 * runs and on the embedded PostgreSQL binaries where it does not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    @Bean
    @Conditional(NoDocker.class)
    JdbcConnectionDetails embeddedPostgres() {
        String url = TestPostgres.freshDatabase();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static class DockerAvailable extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestPostgres.dockerAvailable()
                    ? ConditionOutcome.match("Docker available")
                    : ConditionOutcome.noMatch("no Docker engine");
        }
    }

    static class NoDocker extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestPostgres.dockerAvailable()
                    ? ConditionOutcome.noMatch("Docker available")
                    : ConditionOutcome.match("no Docker engine: embedded PostgreSQL");
        }
    }
}
