package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): a message sent
 * through its form shows up with the instance that stored it, and a SIGKILLed logging service shows as down.
 */
@ExtendWith(RunningSystem.class)
@Order(4)
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * The page refreshes every second; its first refresh also waits for a browser and a facade that have not drawn or
     * answered the page before, which once took more than 10 s on a machine running at half its usual speed.
     */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(30);
    /** Where the test leaves its screenshot; docs/dashboard.png is a copy of one. */
    private static final Path SCREENSHOT = Path.of("target/dashboard.png");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assertThat(CHROMIUM)
                .as("Chromium for the dashboard test: apt-get install chromium chromium-driver (.ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("chromedriver: apt-get install chromium-driver")
                .isExecutable();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // Headless, and nothing but the page: no sync, no updates, no traffic beyond loopback.
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900",
                        "--no-first-run",
                        "--no-proxy-server",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-default-apps",
                        "--disable-domain-reliability");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMessageSentThroughTheFormIsListedWithItsInstanceAndAKilledServiceShowsAsDown(Launcher launcher)
            throws IOException {
        browser.get(launcher.url("facade") + "/");
        List<String> logging = List.of("logging-1", "logging-2", "logging-3");
        await().atMost(SHOWN_WITHIN).ignoreExceptions().untilAsserted(() -> {
            for (String name : logging) {
                assertThat(serviceState(launcher.url(name))).isEqualTo("up");
                assertThat(memberCells(launcher.url(name)).get(2)).isEqualTo("3 members");
            }
        });

        browser.findElement(By.id("message")).sendKeys("hello from the dashboard");
        browser.findElement(By.cssSelector("#send-form button")).click();
        WebElement result = browser.findElement(By.id("send-result"));
        await().atMost(SHOWN_WITHIN).until(() -> result.getText().startsWith("Stored "));
        String id = result.getDomAttribute("data-id");
        HttpProbe facade = launcher.http("facade");
        String storedBy = facade.get("/messages/" + id).json().path("storedBy").asString();

        assertThat(result.getText()).isEqualTo("Stored " + id + " by " + storedBy);
        await().atMost(SHOWN_WITHIN)
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertThat(messageCells(id)).containsSubsequence("hello from the dashboard", storedBy, id));

        Instant killed = Instant.now();
        launcher.kill("logging-3");
        try {
            await().atMost(SHOWN_WITHIN).ignoreExceptions().untilAsserted(() -> {
                assertThat(serviceState(launcher.url("logging-3"))).isEqualTo("down");
                assertThat(memberCells(launcher.url("logging-3")).get(1)).isEqualTo("down");
            });
            System.out.printf(
                    "The dashboard showed logging-3 as down %d ms after its SIGKILL.%n",
                    Duration.between(killed, Instant.now()).toMillis());
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(
                                    memberCells(launcher.url("logging-1")).get(2))
                            .isEqualTo("2 members"));
            Files.write(SCREENSHOT, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            launcher.start("logging-3");
        }
    }

    @Test
    void theWriteChartShowsTheMessagesOfTheLastMinute(Launcher launcher) {
        String batch = String.join(
                ", ",
                IntStream.range(0, 25)
                        .mapToObj(i -> "{\"msg\": \"chart " + i + "\"}")
                        .toList());
        assertThat(launcher.http("facade")
                        .postJson("/messages", "[" + batch + "]")
                        .status())
                .isEqualTo(201);

        Instant opened = Instant.now();
        browser.get(launcher.url("facade") + "/");
        Duration loading = Duration.between(opened, Instant.now());

        await().atMost(SHOWN_WITHIN).ignoreExceptions().untilAsserted(() -> {
            List<WebElement> bars = browser.findElements(By.cssSelector("#write-chart rect"));
            assertThat(bars).hasSize(60);
            assertThat(bars.stream()
                            .mapToLong(bar -> Long.parseLong(bar.getDomAttribute("data-count")))
                            .sum())
                    .isGreaterThanOrEqualTo(25);
            assertThat(bars.stream().anyMatch(bar -> Double.parseDouble(bar.getDomAttribute("height")) > 0))
                    .isTrue();
            assertThat(browser.findElement(By.id("write-rate")).getText()).contains("in the last minute");
        });
        System.out.printf(
                "The dashboard drew the write chart %d ms after the page was opened (loaded after %d ms).%n",
                Duration.between(opened, Instant.now()).toMillis(), loading.toMillis());
    }

    /** The state cell of the instance's row in the services table, as written (the page shows it upper case). */
    private String serviceState(String url) {
        return cells("services", url).get(2);
    }

    private List<String> memberCells(String url) {
        return cells("members", url);
    }

    private List<String> messageCells(String id) {
        return cells("messages", id);
    }

    private List<String> cells(String table, String key) {
        return browser
                .findElement(By.cssSelector("#%s tr[data-key='%s']".formatted(table, key)))
                .findElements(By.tagName("td"))
                .stream()
                .map(cell -> cell.getDomProperty("textContent"))
                .toList();
    }
}
