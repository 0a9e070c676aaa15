package io.greenscribe.queue;

import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QueueProperties.class, QueueGaugeProperties.class})
class QueueConfiguration {

    @Bean(destroyMethod = "close")
    LeaseDatabase leaseDatabase(DataSource dataSource) {
        return new LeaseDatabase(dataSource);
    }
}
