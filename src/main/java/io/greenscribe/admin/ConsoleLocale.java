package io.greenscribe.admin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: English or Simplified Chinese, from the switch in the navigation
 * ({@code ?lang=zh-CN}, kept in a cookie) or else the browser's {@code Accept-Language}; anything
 * else is English. Texts come from the {@code i18n/console} bundles. The REST API's problem
 * messages do not go through these bundles and stay English.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocale implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    static final String COOKIE = "greenscribe-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new CookieOrHeader();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/admin/**");
    }

    /** The cookie when it names a supported language, else the best supported match of the header. */
    static final class CookieOrHeader implements LocaleResolver {

        private final AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();

        CookieOrHeader() {
            header.setSupportedLocales(SUPPORTED);
            header.setDefaultLocale(Locale.ENGLISH);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getAttribute(COOKIE) instanceof Locale switched) {
                return switched;
            }
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        Locale chosen = supported(Locale.forLanguageTag(c.getValue()));
                        if (chosen != null) {
                            return chosen;
                        }
                    }
                }
            }
            Locale best = header.resolveLocale(request);
            // a bare "zh" (or zh-Hans) matches by language only; give it the supported variant
            return best.getLanguage().equals("zh")
                    ? Locale.SIMPLIFIED_CHINESE
                    : SUPPORTED.contains(best) ? best : Locale.ENGLISH;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale chosen = locale == null ? null : supported(locale);
            if (chosen == null || response == null) {
                return;
            }
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/admin");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            response.addCookie(cookie);
            request.setAttribute(COOKIE, chosen); // this request already renders in it
        }

        private static Locale supported(Locale l) {
            if (l.getLanguage().equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            return l.getLanguage().equals("en") ? Locale.ENGLISH : null;
        }
    }
}
