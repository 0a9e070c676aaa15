package io.greenscribe.admin;

import io.greenscribe.system.security.CredentialsFile;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's own filter chain, ahead of the stateless API-key chain: a session, form login for
 * the one admin user, and CSRF tokens on every form and htmx request. Webjars sit behind the login
 * too, so nothing at all is served to a stranger except the login page and its stylesheet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain consoleSecurity(
            HttpSecurity http, AdminProperties properties, CredentialsFile credentials, java.time.Clock clock)
            throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var users = new InMemoryUserDetailsManager(User.withUsername(properties.username())
                .password(encodedPassword(properties, encoder, credentials))
                .roles("ADMIN")
                .build());
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        http.securityMatcher("/admin/**", "/webjars/**")
                .authenticationManager(new ProviderManager(new ThrottledLogin(provider, clock)))
                .headers(headers -> headers
                        // scripts and styles from this server only; the console has no inline script
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/admin/login", "/admin/assets/console.css")
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .formLogin(form -> form.loginPage("/admin/login")
                        .defaultSuccessUrl("/admin", true)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"));
        return http.build();
    }

    private static String encodedPassword(
            AdminProperties properties, PasswordEncoder encoder, CredentialsFile credentials) {
        String password = properties.password();
        if (password != null && password.startsWith("{")) {
            return password;
        }
        if (password == null || password.isBlank()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // a new one each start (only its hash is held), so the file always has the current one
            boolean kept = credentials.write("console_password", password);
            log.warn(
                    "Console login at /admin: user '{}', generated password (set greenscribe.admin.password "
                            + "to choose one{}): {}",
                    properties.username(),
                    kept ? "; also in " + credentials.path() + ", owner-only" : "",
                    password);
        }
        return encoder.encode(password);
    }
}
