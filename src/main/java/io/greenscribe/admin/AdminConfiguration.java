package io.greenscribe.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the console's properties in every context: the console's pages are components, so they are
 * created even where the web security chain (servlet-only) is not, e.g. in non-web test contexts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AdminConfiguration {}
