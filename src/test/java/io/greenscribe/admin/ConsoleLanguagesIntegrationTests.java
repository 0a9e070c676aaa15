package io.greenscribe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.Http;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every console page renders in English and in Simplified Chinese, chosen by Accept-Language or
 * by the switch, with {@code <html lang>} saying which, and no text key left unresolved (Thymeleaf
 * writes a missing key as {@code ??key_locale??}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.admin.password=" + ConsoleLanguagesIntegrationTests.PASSWORD,
            "greenscribe.queue.enabled=false",
            "greenscribe.admin.time-zone=Asia/Shanghai"
        })
@Import(TestDatabaseConfiguration.class)
class ConsoleLanguagesIntegrationTests {

    static final String PASSWORD = "console-languages-password";

    @LocalServerPort
    int port;

    HttpClient browser;
    String job;

    @BeforeEach
    void loggedInWithAJob() throws Exception {
        // a job to show (the queue is off: it waits, nothing is transcribed)
        job = new Http(base(), "gs_test_admin_key")
                .postMultipart(
                        "/api/v1/jobs",
                        Map.of("file", SharedData.manifest("en-short").get(0).file()),
                        Map.of())
                .json()
                .path("id")
                .asText();
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String login = get("/admin/login", "en").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> in = browser.send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(in.uri().getPath()).isEqualTo("/admin");
    }

    List<String> pages() {
        return List.of(
                "/admin/login",
                "/admin/jobs",
                "/admin/jobs/" + job,
                "/admin/batches",
                "/admin/carbon",
                "/admin/device",
                "/admin/search?q=country",
                "/admin/problems",
                "/admin/recurring",
                "/admin/keys");
    }

    @Test
    void everyPageRendersInBothLanguagesWithNoMissingText() throws Exception {
        for (String page : pages()) {
            String en = get(page, "en-GB,en;q=0.9").body();
            String zh = get(page, "zh-CN,zh;q=0.9,en;q=0.5").body();

            assertThat(en).as(page).contains("<html lang=\"en\"").doesNotContain("??");
            assertThat(zh).as(page).contains("<html lang=\"zh-CN\"").doesNotContain("??");
        }
        // the texts really change: the navigation, and the jobs page's own headings
        assertThat(get("/admin/jobs", "zh-CN").body()).contains(">任务</a>", "提交音频", "计划开始 · 原因");
        assertThat(get("/admin/jobs", "en").body()).contains(">Jobs</a>", "Submit audio", "Planned start · reason");
        assertThat(get("/admin/login", "zh-CN").body()).contains("GreenScribe 控制台", "密码");
        // states, reasons and units are words of the language, never the enum names
        String job = get("/admin/jobs/" + this.job, "zh-CN").body();
        assertThat(job).contains("计划开始").doesNotContain(">WAITING_FOR_WINDOW<", ">QUEUED<", "planned start");
        String english = get("/admin/jobs/" + this.job, "en").body();
        assertThat(english).doesNotContain(">WAITING_FOR_WINDOW<", ">QUEUED<");
        // times are local to the console's zone, with the zone written out, in each language's own form
        assertThat(job).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d:\\d\\d CST");
        assertThat(english).containsPattern("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d:\\d\\d CST");
        assertThat(get("/admin/jobs", "zh-CN").body()).contains("最早开始（CST）");
        assertThat(get("/admin/jobs", "en").body()).contains("Not before (CST)");
    }

    @Test
    void theSwitchOverridesTheBrowsersLanguageAndIsRemembered() throws Exception {
        // a Chinese browser switches to English, and the choice holds on the next page
        assertThat(get("/admin/jobs?lang=en", "zh-CN").body()).contains("<html lang=\"en\"", "Submit audio");
        assertThat(get("/admin/batches", "zh-CN").body()).contains("<html lang=\"en\"", "No batches yet");

        // and back
        assertThat(get("/admin/batches?lang=zh-CN", "en").body()).contains("<html lang=\"zh-CN\"", "还没有批次");
        assertThat(get("/admin/problems", "en").body()).contains("<html lang=\"zh-CN\"");
    }

    @Test
    void anUnsupportedLanguageGetsEnglish() throws Exception {
        assertThat(get("/admin/jobs", "fr-FR,fr;q=0.9").body()).contains("<html lang=\"en\"", "Submit audio");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        HttpResponse<String> r = browser.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Accept-Language", language)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
