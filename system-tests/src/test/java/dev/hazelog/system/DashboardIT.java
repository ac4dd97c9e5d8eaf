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
import org.openqa.selenium.JavascriptExecutor;
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
    /** The page refreshes every second; it drew its chart in 1.3 s here, and a machine may run at half its speed. */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(15);
    /** Where the test leaves its screenshot; docs/dashboard.png is a copy of one. */
    private static final Path SCREENSHOT = Path.of("target/dashboard.png");

    private WebDriver browser;

    /** Takes the system so that it is up first: a browser left waiting while it starts was seen to hang. */
    @BeforeEach
    void openBrowser(Launcher launcher) {
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
            List<Bar> bars = chartBars();
            assertThat(bars).hasSize(60);
            assertThat(bars.stream().mapToLong(Bar::count).sum()).isGreaterThanOrEqualTo(25);
            assertThat(bars).anyMatch(bar -> bar.height() > 0);
            assertThat(browser.findElement(By.id("write-rate")).getText()).contains("in the last minute");
        });
        System.out.printf(
                "The dashboard drew the write chart %d ms after the page was opened (loaded after %d ms).%n",
                Duration.between(opened, Instant.now()).toMillis(), loading.toMillis());
    }

    /** One bar of the write chart: the messages of its second, and its drawn height. */
    private record Bar(long count, double height) {}

    /**
     * Every bar, read by one script in the page: reading each attribute through the driver is a round trip per bar,
     * and 120 of them took longer than the page needs to draw the chart.
     */
    private List<Bar> chartBars() {
        List<?> bars = (List<?>) ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('#write-chart rect'),"
                        + " bar => [bar.dataset.count, bar.getAttribute('height')]);");
        return bars.stream()
                .map(bar -> (List<?>) bar)
                .map(bar -> new Bar(Long.parseLong((String) bar.get(0)), Double.parseDouble((String) bar.get(1))))
                .toList();
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
