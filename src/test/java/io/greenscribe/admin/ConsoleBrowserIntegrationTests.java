package io.greenscribe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.admin.Browser.Viewport;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.greenscribe.testing.WavFiles;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser, on a real PostgreSQL, with the real model: log in, submit real
 * speech, watch it finish, read and download its transcript; a two-voice meeting diarized, its
 * speakers one colour each in transcript and timeline; a job that fails, is repaired and
 * retried, and its history; a webhook sent again; recurring batches and API keys managed from the
 * console; cancel (confirmed) and unload. Every page is read in English and Chinese, checked for
 * missing texts and raw identifiers, and photographed at 1440×900 and 390×844 into
 * {@code target/screenshots}. One browser session serves the whole walk.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.admin.password=" + ConsoleBrowserIntegrationTests.PASSWORD,
            "greenscribe.admin.time-zone=UTC",
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.jobs.max-upload-size=5MB",
            // the webhook test's receiver is a closed loopback port: one try, which fails at once
            "greenscribe.webhooks.allow-http=true",
            "greenscribe.webhooks.allowed-addresses=127.0.0.1/32",
            "greenscribe.webhooks.max-attempts=1"
        })
@Import(TestDatabaseConfiguration.class)
class ConsoleBrowserIntegrationTests {

    static final String PASSWORD = "console-test-password";

    /** Identifiers that must never reach a person's eyes: state names, reason names, ISO instants. */
    static final List<String> RAW = List.of(
            "WAITING_FOR_WINDOW",
            "SUCCEEDED",
            "QUEUED",
            "CANCELLED",
            "GREENEST_WINDOW",
            "NOT_BEFORE",
            "capacity-constrained",
            "planned-start-reached",
            "GAVE_UP");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;
    WebDriverWait wait;

    // The carbon trace's default path is relative ("../shared/…"); an absolute one reads the same
    // wherever the test runs from (Trace.path() is a plain Path.of, so no file: URI).
    @DynamicPropertySource
    static void carbonTraceAndRoots(DynamicPropertyRegistry registry) {
        registry.add("greenscribe.carbon.trace.file", () -> SharedData.carbon("lets-wait-awhile-2020/gb_ci.csv")
                .toAbsolutePath()
                .toString());
        registry.add(
                "greenscribe.jobs.allowed-roots",
                () -> SharedData.speech("en-short").toAbsolutePath().toString());
    }

    @BeforeAll
    static void browserAndModel() {
        Browser.assumeInstalled();
        Models.require("whisper-tiny.en");
        Models.require("speaker-encoder");
    }

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRunsTheServerFromTheConsoleInEnglishAndChinese(@TempDir Path tmp) throws Exception {
        // given nobody is logged in, then every console page and asset leads to the login form
        for (String page :
                new String[] {"/admin", "/admin/jobs", "/admin/keys", "/webjars/htmx.org/dist/htmx.min.js"}) {
            go(page);
            assertThat(browser.getCurrentUrl()).as(page).endsWith("/admin/login");
        }
        for (String lang : new String[] {"zh-CN", "en"}) {
            go("/admin/login?lang=" + lang);
            readable(lang);
            shoot("login-" + lang);
        }

        // when a wrong password is typed, then the form says so
        logIn("admin", "wrong");
        assertThat(text(".flash.err")).contains("Wrong user name or password");

        // when the operator logs in, then the jobs page opens
        logIn("admin", PASSWORD);
        // the click returns before the redirect has landed; wait for it rather than race it
        wait.until(
                d -> d.getCurrentUrl().endsWith("/admin") || !d.getCurrentUrl().contains("/admin/login"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin");

        // and a POST without the CSRF token is refused even with a session
        Object status = async(
                "var done = arguments[0]; fetch('/admin/device/clear-cache', {method: 'POST', redirect: 'manual'})"
                        + ".then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);

        // when real speech is submitted through the form
        Path speech = SharedData.speech("en-short/audio/LJ001-0002.flac");
        submit(speech);

        // then its page shows it finishing, then the timed transcript and downloads in every format
        String jobUrl = browser.getCurrentUrl();
        wait.until(d -> d.findElements(By.id("transcript")).size() == 1);
        assertThat(state()).isEqualTo("SUCCEEDED");
        assertThat(text("#transcript").toLowerCase()).contains("comparatively modern");
        assertThat(text("#transcript")).contains("0:0");
        for (String format : new String[] {"txt", "srt", "vtt", "json"}) {
            assertThat(browser.findElements(By.id("download-" + format)))
                    .as(format)
                    .hasSize(1);
        }
        String srt = (String) async("var done = arguments[0];"
                + "fetch(document.getElementById('download-srt').href).then(r => r.text()).then(done);");
        assertThat(srt).startsWith("1\n").contains(" --> ");

        // and the history search finds it
        go("/admin/search?q=modern");
        assertThat(browser.findElements(By.cssSelector("#hits li"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#hits .hit b")).getText().toLowerCase())
                .isEqualTo("modern");

        String meetingUrl = aMeetingSubmittedWithDiarizationHasOneColourPerSpeakerInTranscriptAndTimeline(tmp);
        String retriedUrl = aDamagedFileFailsIsRepairedAndRetriedAndItsHistoryTellsEachRun(speech, tmp);
        String webhookUrl = aWebhookThatWasNotDeliveredIsSentAgain(tmp);
        aBatchShowsItsEnergyAndEmissions(tmp);
        recurringBatchesAreCreatedPausedResumedAndDeleted();
        anApiKeyIsShownOnceWorksAndStopsWorkingWhenRevoked();

        // when a job is submitted to start hours from now, it waits and shows on the carbon chart
        go("/admin/jobs");
        browser.findElement(By.id("files")).sendKeys(speech.toString());
        String later = LocalDateTime.now(ZoneOffset.UTC)
                .plusHours(6)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        js("document.querySelector('[name=notBefore]').value = arguments[0];", later);
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/jobs/[0-9a-f-]{36}$"));
        assertThat(state()).isEqualTo("WAITING_FOR_WINDOW");
        assertThat(text("#live .badge")).isEqualTo("Waiting for a greener window");
        String waitingUrl = browser.getCurrentUrl();

        // then every page reads in both languages, with no missing text and no raw identifier, at both widths
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("jobs", "/admin/jobs");
        pages.put("job", path(retriedUrl));
        pages.put("job-webhook", path(webhookUrl));
        pages.put("job-waiting", path(waitingUrl));
        pages.put("job-speakers", path(meetingUrl));
        pages.put("batches", "/admin/batches");
        pages.put("recurring", "/admin/recurring");
        pages.put("carbon", "/admin/carbon");
        pages.put("device", "/admin/device");
        pages.put("search", "/admin/search?q=modern");
        pages.put("problems", "/admin/problems");
        pages.put("keys", "/admin/keys");
        for (String lang : new String[] {"zh-CN", "en"}) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                go(page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + lang);
                readable(lang);
                shoot(page.getKey() + "-" + lang);
            }
        }
        go("/admin/problems");
        assertThat(browser.findElements(By.linkText("Job notes.wav failed"))).hasSize(1);
        assertThat(browser.findElements(By.linkText("Webhook of job notes.wav not delivered")))
                .hasSize(1);

        // when the waiting job is cancelled, the console asks first; dismissing keeps it, accepting cancels
        browser.get(waitingUrl);
        browser.findElement(By.id("cancel")).click();
        assertThat(confirm(false)).contains("Cancel the job LJ001-0002.flac?");
        assertThat(state()).isEqualTo("WAITING_FOR_WINDOW");
        browser.findElement(By.id("cancel")).click();
        confirm(true);
        assertThat(text(".flash.ok")).isEqualTo("Cancelled.");
        assertThat(state()).isEqualTo("CANCELLED");

        // when the device page shows the model the job loaded, unload frees it
        go("/admin/device");
        assertThat(browser.findElements(By.cssSelector("tr[data-model='whisper-tiny.en']")))
                .hasSize(1);
        browser.findElement(By.id("unload-whisper-tiny.en")).click();
        confirm(true);
        assertThat(text(".flash.ok")).isEqualTo("Unloaded whisper-tiny.en.");
        assertThat(browser.findElements(By.id("none-loaded"))).hasSize(1);
        browser.findElement(By.id("clear-cache")).click();
        assertThat(text(".flash.ok")).startsWith("Cache cleared on ");

        // and the finished job's page still reads the same after the model went away
        browser.get(jobUrl);
        assertThat(text("#transcript").toLowerCase()).contains("comparatively modern");
    }

    /** Two voices, as DiarizationIntegrationTests joins them, submitted with the form's diarization fields. */
    private String aMeetingSubmittedWithDiarizationHasOneColourPerSpeakerInTranscriptAndTimeline(Path tmp)
            throws Exception {
        Path meeting = tmp.resolve("meeting.wav");
        WavFiles.joined(
                meeting,
                SharedData.speech("en-short/audio/1272-128104-0000.wav"),
                SharedData.speech("en-short/audio/arctic_aew_a0001.wav"),
                SharedData.speech("en-short/audio/arctic_aew_a0002.wav"));
        go("/admin/jobs");
        browser.findElement(By.id("files")).sendKeys(meeting.toString());
        browser.findElement(By.id("diarize")).click();
        browser.findElement(By.id("speakers")).sendKeys("2");
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/jobs/[0-9a-f-]{36}$"));
        String url = browser.getCurrentUrl();
        wait.until(d -> d.findElements(By.id("transcript")).size() == 1);
        assertThat(state()).isEqualTo("SUCCEEDED");

        // then the transcript names both speakers, and the timeline's legend lists them, each with its name as title
        assertThat(browser.findElements(By.cssSelector("#transcript td.speaker")))
                .extracting(WebElement::getText)
                .contains("Speaker 1", "Speaker 2");
        assertThat(browser.findElements(By.cssSelector("#timeline-speakers .swatch")))
                .extracting(WebElement::getText, e -> e.getAttribute("title"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Speaker 1", "Speaker 1"),
                        org.assertj.core.groups.Tuple.tuple("Speaker 2", "Speaker 2"));

        // and each speaker has one colour, the same in the transcript, the legend and the chart's stretches,
        // whose tooltips and the chart's accessible description name the speaker
        waitForCharts();
        @SuppressWarnings("unchecked")
        List<List<Object>> speakers = (List<List<Object>>) js("""
                var chart = echarts.getInstanceByDom(document.getElementById('timeline'));
                function css(c) { var e = document.createElement('i'); e.style.color = c; document.body.appendChild(e);
                                  var v = getComputedStyle(e).color; e.remove(); return v; }
                return [1, 2].map(function (n) {
                  var stretches = chart.getOption().series[0].data
                      .filter(function (x) { return x.value[0] === 0 && x.name.indexOf('Speaker ' + n + ' ') === 0; });
                  return [stretches.length,
                          stretches.map(function (x) { return css(x.itemStyle.color); }),
                          getComputedStyle(document.querySelector('#timeline-speakers [data-speaker="' + n + '"]')).color,
                          getComputedStyle(document.querySelector('#transcript td.speaker[data-speaker="' + n + '"]')).color];
                });""");
        for (List<Object> s : speakers) {
            assertThat(((Number) s.get(0)).intValue())
                    .as("stretches of a speaker %s", s)
                    .isPositive();
            assertThat((List<Object>) s.get(1)).as("%s", s).containsOnly(s.get(2));
            assertThat(s.get(2)).as("%s", s).isEqualTo(s.get(3));
        }
        assertThat(speakers.get(0).get(2)).isNotEqualTo(speakers.get(1).get(2));
        assertThat(browser.findElement(By.id("timeline")).getAttribute("aria-label"))
                .startsWith("Speaker 1 ")
                .contains("; Speaker 2 ");
        // the timeline beside the transcript, for the eye (docs/console.md keeps one)
        js("document.getElementById('timeline').scrollIntoView();");
        Browser.screenshot(browser, "job-speakers-timeline-en-desktop");
        return url;
    }

    /** The way JobApiIntegrationTests fails a job: its audio is cut short, then made whole before the retry. */
    private String aDamagedFileFailsIsRepairedAndRetriedAndItsHistoryTellsEachRun(Path speech, Path tmp)
            throws Exception {
        byte[] flac = Files.readAllBytes(speech);
        Path damaged = Files.write(tmp.resolve("damaged.flac"), java.util.Arrays.copyOf(flac, 200));
        Instant submitted = Instant.now();
        submit(damaged);
        String url = browser.getCurrentUrl();
        wait.until(d -> d.findElements(By.id("retry")).size() == 1 || reloadAndFalse());
        assertThat(state()).isEqualTo("FAILED");

        UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        Path stored = Path.of(jdbc.sql("select audio_path from transcription_job where id = ?")
                .param(id)
                .query(String.class)
                .single());
        Files.write(stored, flac);
        browser.findElement(By.id("retry")).click();
        assertThat(text(".flash.ok")).isEqualTo("Queued again.");
        wait.until(d -> d.findElements(By.id("transcript")).size() == 1 || reloadAndFalse());
        double wall = Duration.between(submitted, Instant.now()).toMillis() / 1000.0;

        // its history: failed, queued again, running, succeeded, in that order, each with its words
        assertThat(states("#history li > .badge"))
                .containsExactly("SUBMITTED", "QUEUED", "RUNNING", "FAILED", "QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(text("#history")).contains("claimed by", "(attempt 1)", "(attempt 2)", "retry requested");
        // and each attempt's own run time, no longer than the whole walk took
        List<WebElement> attempts = browser.findElements(By.cssSelector("#attempts tbody tr"));
        assertThat(attempts).hasSize(2);
        assertThat(states("#attempts tbody tr .badge")).containsExactly("FAILED", "SUCCEEDED");
        for (WebElement a : attempts) {
            String seconds = a.findElement(By.cssSelector("td.seconds")).getText();
            assertThat(seconds).matches("[0-9]+\\.[0-9] s");
            assertThat(Double.parseDouble(seconds.replace(" s", ""))).isBetween(0.0, wall);
        }
        return url;
    }

    private String aWebhookThatWasNotDeliveredIsSentAgain(Path tmp) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path notAudio = Files.writeString(tmp.resolve("notes.wav"), "this is not audio at all ".repeat(100));
        String location = new Http("http://localhost:" + port, "gs_test_admin_key")
                .postMultipart(
                        "/api/v1/jobs",
                        Map.of("file", notAudio, "callbackUrl", "http://127.0.0.1:" + closed + "/hook"),
                        Map.of())
                .header("Location");
        go(path(location).replace("/api/v1/", "/admin/"));
        String url = browser.getCurrentUrl();
        wait.until(d -> d.findElements(By.cssSelector("#deliveries tr")).size() == 2 || reloadAndFalse());
        assertThat(text("#webhook-state")).isEqualTo("Given up");
        browser.findElement(By.id("redeliver")).click();
        assertThat(text(".flash.ok")).startsWith("Webhook sent again");
        wait.until(d -> d.findElements(By.cssSelector("#deliveries tr")).size() == 3 || reloadAndFalse());
        assertThat(text("#deliveries")).contains("Connect");
        return url;
    }

    private void aBatchShowsItsEnergyAndEmissions(Path tmp) throws Exception {
        Path one = Files.writeString(tmp.resolve("one.wav"), "not audio ".repeat(50));
        Path two = Files.writeString(tmp.resolve("two.wav"), "not audio either ".repeat(50));
        go("/admin/jobs");
        browser.findElement(By.id("files")).sendKeys(one + "\n" + two);
        browser.findElement(By.name("batchName")).sendKeys("two failures");
        browser.findElement(By.id("submit-button")).click();
        assertThat(text(".flash.ok")).isEqualTo("2 files submitted as one batch.");
        go("/admin/batches");
        wait.until(d ->
                !d.findElement(By.cssSelector("#batches td.energy")).getText().equals("—") || reloadAndFalse());
        assertThat(text("#batches td.energy")).matches("[0-9.,]+ Wh");
        assertThat(text("#batches td.co2e")).matches("(?s)[0-9.,]+ g.*");
    }

    private void recurringBatchesAreCreatedPausedResumedAndDeleted() {
        go("/admin/recurring");
        browser.findElement(By.id("r-name")).sendKeys("nightly calls");
        browser.findElement(By.id("r-directory")).sendKeys("audio");
        // a window half a day away, so no occurrence opens while the test runs
        LocalTime opens =
                LocalTime.now(ZoneOffset.UTC).plusHours(12).withSecond(0).withNano(0);
        js(
                "document.getElementById('r-opens').value = arguments[0];"
                        + "document.getElementById('r-finish').value = arguments[1];",
                opens.toString(),
                opens.plusHours(2).toString());
        browser.findElement(By.cssSelector("input[name=days][value=MON]")).click();
        browser.findElement(By.cssSelector("input[name=days][value=FRI]")).click();
        browser.findElement(By.id("r-diarize")).click();
        browser.findElement(By.id("r-max-speakers")).sendKeys("4");
        browser.findElement(By.id("r-create")).click();
        assertThat(text(".flash.ok")).isEqualTo("Recurring batch nightly calls created.");
        // its jobs will diarize, with at most four speakers, as the REST API reports
        JsonNode created = new Http("http://localhost:" + port, "gs_test_admin_key")
                .get("/api/v1/recurring-batches")
                .json();
        assertThat(created.findValues("options")).anySatisfy(o -> assertThat(
                        o.path("diarize").asBoolean() && o.path("maxSpeakers").asInt() == 4)
                .isTrue());
        assertThat(text("tr[data-name='nightly calls']")).contains("Mon, Fri", "(UTC)", "Active");

        browser.findElement(By.cssSelector("tr[data-name='nightly calls'] button.pause"))
                .click();
        assertThat(text("tr[data-name='nightly calls'] .recurring-state")).startsWith("Paused since");
        browser.findElement(By.cssSelector("tr[data-name='nightly calls'] button.resume"))
                .click();
        assertThat(text("tr[data-name='nightly calls'] .recurring-state")).isEqualTo("Active");

        // a bad directory is refused with the service's reason
        browser.findElement(By.id("r-name")).sendKeys("elsewhere");
        browser.findElement(By.id("r-directory")).sendKeys("../../etc");
        browser.findElement(By.id("r-create")).click();
        assertThat(text(".flash.err")).isNotBlank();

        // a second one to delete, confirmed
        browser.findElement(By.id("r-name")).sendKeys("to delete");
        browser.findElement(By.id("r-directory")).sendKeys("audio");
        browser.findElement(By.id("r-create")).click();
        browser.findElement(By.cssSelector("tr[data-name='to delete'] button.delete"))
                .click();
        assertThat(confirm(true)).contains("Delete the recurring batch to delete");
        assertThat(text(".flash.ok")).isEqualTo("Deleted.");
        assertThat(browser.findElements(By.cssSelector("tr[data-name='to delete']")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-name='nightly calls']")))
                .hasSize(1);
    }

    private void anApiKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        go("/admin/keys");
        browser.findElement(By.id("issue-key")).click();
        String key = text("#new-key");
        assertThat(key).startsWith("gs_");
        Http api = new Http("http://localhost:" + port, key);
        assertThat(api.get("/api/v1/jobs").status()).isEqualTo(200);

        // shown once: the next visit lists it by its prefix only
        go("/admin/keys");
        assertThat(browser.findElements(By.id("new-key"))).isEmpty();
        String row = "tr[data-prefix='" + key.substring(0, 8) + "']";
        assertThat(text(row)).contains("in use").doesNotContain(key);

        browser.findElement(By.cssSelector(row + " button.revoke")).click();
        assertThat(confirm(true)).contains("Revoke the key " + key.substring(0, 8));
        assertThat(text(".flash.ok")).isEqualTo("Key revoked.");
        assertThat(text(row + " .key-state")).startsWith("revoked");
        assertThat(api.get("/api/v1/jobs").status()).isEqualTo(401);
    }

    private void submit(Path file) {
        go("/admin/jobs");
        browser.findElement(By.id("files")).sendKeys(file.toString());
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/jobs/[0-9a-f-]{36}$"));
    }

    /** The page in the given language: its texts all found, no identifier shown raw. */
    private void readable(String lang) {
        String source = browser.getPageSource();
        assertThat(source)
                .as(browser.getCurrentUrl())
                .contains("<html lang=\"" + lang + "\"")
                .doesNotContain("??");
        String visible = browser.findElement(By.tagName("body")).getText();
        assertThat(visible).as(browser.getCurrentUrl()).doesNotContain(RAW);
        assertThat(visible).as(browser.getCurrentUrl()).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
    }

    /** Answers the page's confirmation question and returns it. */
    private String confirm(boolean yes) {
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        if (yes) {
            alert.accept();
        } else {
            alert.dismiss();
        }
        return question;
    }

    private String state() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live .badge")))
                .getAttribute("data-state");
    }

    private List<String> states(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(e -> e.getAttribute("data-state"))
                .toList();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** A script that answers through its callback, {@code arguments[0]}. */
    private Object async(String script) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script);
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    private boolean reloadAndFalse() {
        browser.navigate().refresh();
        return false;
    }

    private void go(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String user, String password) {
        go("/admin/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
                .getText()
                .strip();
    }

    private void waitForCharts() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return Array.from("
                        + "document.querySelectorAll('.chart[data-src]')).every(e => e.dataset.rendered === 'true');"));
    }

    /** The current page at both widths; the phone shot is taken after a reload so the layout is its own. */
    private void shoot(String page) {
        for (Viewport v : Viewport.values()) {
            Browser.viewport(browser, v);
            browser.navigate().refresh();
            if (!browser.findElements(By.cssSelector(".chart[data-src]")).isEmpty()) {
                waitForCharts();
            }
            Browser.screenshot(browser, page + "-" + v.name().toLowerCase());
        }
        Browser.viewport(browser, Viewport.DESKTOP);
    }
}
