package com.partnerportal.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver}. On a
 * developer machine without them the browser tests are skipped with a hint; in CI they must run.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static Browser start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Browser test skipped: install Chromium with "
                    + "'apt-get install chromium chromium-driver' (or set -Dchromium.binary and -Dchromedriver.binary)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Shows pages as a phone does: 390 by 844 CSS pixels, touch, the page's viewport honoured. */
    public void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Shows pages on a desktop screen of 1440 by 900. */
    public void desktop() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1440, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** How many pixels the page is wider than the screen: what a user would have to scroll sideways. */
    public long horizontalOverflow() {
        return ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    /** Runs a script in the page, as a user's browser extension or a tampering hand might. */
    public void script(String javascript) {
        driver.executeScript(javascript);
    }

    /** The text the page shows, as a user reads it. */
    public String visibleText() {
        return (String) driver.executeScript("return document.body.innerText;");
    }

    /** Saves the whole page, below the fold too, under {@code target/screenshots}. */
    public void fullScreenshot(String name) {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        long width = ((Number) driver.executeScript("return document.documentElement.clientWidth;")).longValue();
        boolean mobile = width < 600;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", Math.min(height, 4000), "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
        screenshot(name);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", mobile ? 844 : 900, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Fills in the Keycloak login page of the demo realm and waits until the browser is back on the page
     * it asked for: a page opened before the login's redirects are through would race them (once the
     * redirect back landed after it and replaced it).
     */
    public void logIn(String username) {
        waitForElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        until(browser -> !browser.getCurrentUrl().contains("/realms/") && !browser.getCurrentUrl().contains("code=")
                && "complete".equals(driver.executeScript("return document.readyState")));
    }

    public WebElement waitForElement(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element is gone from the page or hidden. */
    public void waitUntilGone(By by) {
        until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * Waits; if in vain, keeps what the browser showed for the one who reads the failure. An element
     * that a page load or an ajax update replaced between finding and reading it is looked up again:
     * Chromium reports that as "does not belong to the document", which Selenium does not count as stale.
     */
    private <T> T until(Function<WebDriver, T> condition) {
        Function<WebDriver, T> lookingAgainAfterReplacement = browser -> {
            try {
                return condition.apply(browser);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
        try {
            return wait.until(lookingAgainAfterReplacement);
        } catch (TimeoutException e) {
            String name = "failure-" + System.currentTimeMillis();
            screenshot(name + ".png");
            try {
                Files.writeString(screenshotDir().resolve(name + ".html"), driver.getPageSource());
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw new TimeoutException("At " + driver.getCurrentUrl() + " (see " + name + ".png): " + e.getMessage(), e);
        }
    }

    public String text(By by) {
        return waitForElement(by).getText();
    }

    public String attribute(By by, String name) {
        return waitForElement(by).getAttribute(name);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Replaces the text of an input, as a user typing it. */
    public void type(By by, String text) {
        waitForElement(by).sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        until(ExpectedConditions.attributeToBe(by, "value", text));
    }

    /** Sets a date field (yyyy-MM-dd) as its calendar would: typing into it depends on the browser's language. */
    public void setDate(By by, String isoDate) {
        WebElement field = waitForElement(by);
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, isoDate);
        until(ExpectedConditions.attributeToBe(by, "value", isoDate));
    }

    public void waitForUrl(String part) {
        until(ExpectedConditions.urlContains(part));
    }

    /** Forgets the portal's session cookie, as when the session expires or the node holding it dies. */
    public void forgetSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
    }

    public void back() {
        driver.navigate().back();
    }

    public void click(By by) {
        until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits until no ajax request of the page is under way or queued: what it updates is on the page. */
    public void waitForAjax() {
        until(page -> Boolean.TRUE.equals(driver.executeScript(
                "return !window.jQuery || (jQuery.active === 0 && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()));")));
    }

    /**
     * Chooses {@code label} in the PrimeFaces select menu {@code menuId} as a user would: opens it and
     * clicks the entry, again if an ajax update rendered the menu anew between opening and clicking,
     * until the menu shows the label.
     */
    public void choose(String menuId, String label) {
        By menu = By.id(menuId);
        By entry = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
        WebDriverException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                waitForAjax(); // a menu chosen while an update is under way would be rendered anew, its choice lost
                click(menu);
                new WebDriverWait(driver, Duration.ofSeconds(3))
                        .until(ExpectedConditions.elementToBeClickable(entry)).click();
                new WebDriverWait(driver, Duration.ofSeconds(3))
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
                return;
            } catch (WebDriverException e) { // not interactable, stale, or a wait in vain: the menu was replaced
                last = e;
            }
        }
        screenshot("failure-choose-" + System.currentTimeMillis() + ".png");
        throw new AssertionError(menuId + " does not show " + label, last);
    }

    /** Saves what the browser shows under {@code target/screenshots}. */
    public void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshotDir().resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path screenshotDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
