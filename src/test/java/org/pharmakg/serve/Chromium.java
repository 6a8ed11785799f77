package org.pharmakg.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) with a 1280x800 viewport, for the browser tests and the
 * time-to-interactive tool: scripts, waits and screenshots into {@code target/screenshots/}.
 *
 * <pre>
 * try (Chromium c = Chromium.start(profileDir)) { c.driver.get(url); c.screenshot("partners"); }
 * </pre>
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    final WebDriver driver;

    private Chromium(WebDriver driver) { this.driver = driver; }

    /** Starts the browser with its profile under {@code profile}; fails saying how to install it when missing. */
    static Chromium start(Path profile) throws java.io.IOException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BINARY.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + Files.createDirectories(profile));
        Chromium c = new Chromium(new ChromeDriver(o));
        try {
            // a 1280x800 viewport, whatever the window decorations take
            long dh = ((Number) c.js("return window.outerHeight - window.innerHeight")).longValue();
            c.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800 + (int) dh));
            Files.createDirectories(SHOTS);
            return c;
        } catch (RuntimeException | java.io.IOException e) {
            c.close();
            throw e;
        }
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    WebDriverWait waiting() { return new WebDriverWait(driver, Duration.ofSeconds(30)); }

    void screenshot(String name) throws java.io.IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Opens a page and waits until it says it drew its first data (body[data-ready]); the ms it reported. */
    long openReady(String url) {
        driver.get(url);
        waiting().until(d -> js("return document.body && document.body.dataset.ready ? 1 : null") != null);
        return Long.parseLong((String) js("return document.body.dataset.ready"));
    }

    @Override
    public void close() { driver.quit(); }
}
