package io.greenscribe.queue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QueueProperties.class, QueueGaugeProperties.class})
class QueueConfiguration {}
