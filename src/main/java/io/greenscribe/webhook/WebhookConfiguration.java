package io.greenscribe.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Webhook settings and the delivery log; the job room builds the policy and the sender from its own settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    JdbcDeliveryLog webhookDeliveryLog(JdbcClient jdbc) {
        return new JdbcDeliveryLog(jdbc);
    }
}
