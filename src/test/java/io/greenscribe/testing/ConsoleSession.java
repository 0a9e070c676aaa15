package io.greenscribe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console as a logged-in admin sees it: pages fetched over HTTP with the session cookie. */
public final class ConsoleSession {

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private ConsoleSession(String base) {
        this.base = base;
    }

    /** Logs in as {@code admin} with the console password the test server was given. */
    public static ConsoleSession login(String base, String password) {
        ConsoleSession s = new ConsoleSession(base);
        String form = s.get("/admin/login", "en").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String body = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> in = s.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(in.uri().getPath()).as("logged in").isEqualTo("/admin");
        return s;
    }

    /** A page that must render (200), in the given Accept-Language. */
    public String page(String path, String language) {
        HttpResponse<String> r = get(path, language);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    public HttpResponse<String> get(String path, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
