package io.greenscribe.worker;

import io.greenscribe.job.JobProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    EgressPolicy webhookEgressPolicy(WebhookProperties properties, JobProperties jobs) {
        return new EgressPolicy(properties, jobs.allowedCallbackHosts());
    }

    @Bean
    JdbcDeliveryLog webhookDeliveryLog(JdbcClient jdbc) {
        return new JdbcDeliveryLog(jdbc);
    }
}
