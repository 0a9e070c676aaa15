package io.greenscribe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.admin.Browser.Viewport;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser, on a real PostgreSQL, with the real model: log in, submit real
 * speech, watch it finish, read and download its transcript, unload the model; cancel and retry.
 * Every page is photographed at desktop and phone width into {@code target/screenshots}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "greenscribe.admin.password=" + ConsoleBrowserIntegrationTests.PASSWORD,
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.jobs.max-upload-size=5MB"
        })
@Import(TestDatabaseConfiguration.class)
class ConsoleBrowserIntegrationTests {

    static final String PASSWORD = "console-test-password";

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    // The carbon trace's default path is relative ("../shared/…"), which a web application context
    // resolves against the servlet context and rejects; a file: URI binds everywhere.
    @DynamicPropertySource
    static void carbonTrace(DynamicPropertyRegistry registry) {
        registry.add("greenscribe.carbon.trace.file", () -> SharedData.carbon("lets-wait-awhile-2020/gb_ci.csv")
                .toUri()
                .toString());
    }

    @BeforeAll
    static void browserAndModel() {
        Browser.assumeInstalled();
        Models.require("whisper-tiny.en");
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
    void anOperatorSubmitsSpeechWatchesItFinishReadsTheTranscriptAndUnloadsTheModel(@TempDir Path tmp)
            throws Exception {
        // given nobody is logged in, then every console page and asset leads to the login form
        for (String page :
                new String[] {"/admin", "/admin/jobs", "/admin/device", "/webjars/htmx.org/dist/htmx.min.js"}) {
            go(page);
            assertThat(browser.getCurrentUrl()).as(page).endsWith("/admin/login");
        }
        shoot("login");

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
        Object status = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[0]; fetch('/admin/device/clear-cache', {method: 'POST', redirect: 'manual'})"
                                + ".then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);

        // when real speech is submitted through the form
        Path speech = SharedData.speech("en-short/audio/LJ001-0002.flac");
        browser.findElement(By.id("files")).sendKeys(speech.toString());
        browser.findElement(By.id("submit-button")).click();

        // then its page shows it finishing, then the timed transcript and downloads in every format
        wait.until(ExpectedConditions.urlMatches("/admin/jobs/[0-9a-f-]{36}$"));
        String jobUrl = browser.getCurrentUrl();
        wait.until(d -> d.findElements(By.id("transcript")).size() == 1);
        assertThat(text("#live .badge")).isEqualTo("SUCCEEDED");
        assertThat(text("#transcript").toLowerCase()).contains("comparatively modern");
        assertThat(text("#transcript")).contains("0:0");
        for (String format : new String[] {"txt", "srt", "vtt", "json"}) {
            assertThat(browser.findElements(By.id("download-" + format)))
                    .as(format)
                    .hasSize(1);
        }
        String srt = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript("var done = arguments[0];"
                        + "fetch(document.getElementById('download-srt').href).then(r => r.text()).then(done);");
        assertThat(srt).startsWith("1\n").contains(" --> ");
        waitForCharts();
        shoot("job");

        // and the history search finds it
        go("/admin/search?q=modern");
        assertThat(browser.findElements(By.cssSelector("#hits li"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#hits .hit b")).getText().toLowerCase())
                .isEqualTo("modern");
        shoot("search");

        // when a file that is not audio is submitted, it fails with a reason; retry puts it back in the queue
        Path notAudio = Files.writeString(tmp.resolve("notes.wav"), "this is not audio at all ".repeat(100));
        go("/admin/jobs");
        browser.findElement(By.id("files")).sendKeys(notAudio.toString());
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/jobs/[0-9a-f-]{36}$"));
        wait.until(d -> d.findElements(By.id("retry")).size() == 1 || reloadAndFalse());
        browser.findElement(By.id("retry")).click();
        assertThat(text(".flash.ok")).isEqualTo("Queued again.");

        // when a job is submitted to start hours from now, it waits, shows on the carbon chart, and can be cancelled
        go("/admin/jobs");
        browser.findElement(By.id("files")).sendKeys(speech.toString());
        String later = LocalDateTime.now(ZoneOffset.UTC)
                .plusHours(6)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('[name=notBefore]').value = arguments[0];", later);
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/jobs/[0-9a-f-]{36}$"));
        assertThat(text("#live .badge")).isEqualTo("WAITING_FOR_WINDOW");
        String waitingUrl = browser.getCurrentUrl();
        go("/admin/carbon");
        waitForCharts();
        shoot("carbon");

        go("/admin/problems");
        wait.until(d -> d.findElements(By.linkText("Job notes.wav failed")).size() == 1 || reloadAndFalse());
        shoot("problems");
        go("/admin/batches");
        shoot("batches");
        go("/admin/jobs");
        shoot("jobs");

        browser.get(waitingUrl);
        browser.findElement(By.id("cancel")).click();
        assertThat(text(".flash.ok")).isEqualTo("Cancelled.");
        assertThat(text("#live .badge")).isEqualTo("CANCELLED");

        // when the device page shows the model the job loaded, unload frees it
        go("/admin/device");
        assertThat(browser.findElements(By.cssSelector("tr[data-model='whisper-tiny.en']")))
                .hasSize(1);
        waitForCharts();
        shoot("device");
        browser.findElement(By.id("unload-whisper-tiny.en")).click();
        assertThat(text(".flash.ok")).isEqualTo("Unloaded whisper-tiny.en.");
        assertThat(browser.findElements(By.id("none-loaded"))).hasSize(1);
        browser.findElement(By.id("clear-cache")).click();
        assertThat(text(".flash.ok")).startsWith("Cache cleared on ");

        // and the finished job's page still reads the same after the model went away
        browser.get(jobUrl);
        assertThat(text("#transcript").toLowerCase()).contains("comparatively modern");
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
