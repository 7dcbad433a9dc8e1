package org.mirabella.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by its chromedriver, for the browser tests. Without a
 * chromedriver the tests skip, except under CI ({@code CI=true}), where they fail: {@code .ci/run}
 * installs it ({@code .ci/chromium.sh}). Each browser gets a new empty profile, removed on close.
 */
final class Browser implements AutoCloseable {
  static final int WIDTH = 1366;
  static final int HEIGHT = 768;

  final WebDriver driver;
  private final Path profile;
  private final String base;

  private Browser(WebDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** A browser pointed at {@code base} (e.g. http://127.0.0.1:PORT), or the test is skipped. */
  static Browser open(String base) {
    Optional<Path> chromedriver = find("CHROMEDRIVER", "chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    Optional<Path> chromium = find("CHROMIUM", "chromium", "/usr/bin/chromium", "/usr/lib/chromium/chromium");
    if (chromedriver.isEmpty() || chromium.isEmpty()) {
      String why = "no chromium/chromedriver (apt-get install -y chromium chromium-driver, or bash .ci/chromium.sh)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException("CI must provide them: " + why);
      Assumptions.abort(why);
    }
    try {
      Path profile = Files.createTempDirectory("mirabella-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium.get().toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
          "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-GB", "--force-device-scale-factor=1");
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      return new Browser(driver, profile, base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> find(String env, String name, String... candidates) {
    String fromEnv = System.getenv(env);
    if (fromEnv != null && !fromEnv.isBlank() && Files.isExecutable(Path.of(fromEnv))) return Optional.of(Path.of(fromEnv));
    for (String c : candidates) if (Files.isExecutable(Path.of(c))) return Optional.of(Path.of(c));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return Optional.of(Path.of(dir, name));
    }
    return Optional.empty();
  }

  /** Opens a screen (a hash route like "#/search") and waits until the application has drawn it. */
  Browser go(String route) {
    // A full page load each time (not just a hash change), as when a user opens a link.
    driver.get("about:blank");
    driver.get(base + "/" + route);
    waitReady();
    return this;
  }

  /** Waits until the shell has started and the current screen is drawn, or asks something in a dialog. */
  void waitReady() {
    wait(Duration.ofSeconds(10)).until(d -> "true".equals(js("return document.body.dataset.ready || ''"))
        && Boolean.TRUE.equals(js("return document.getElementById('main').getAttribute('aria-busy') === 'false'"
            + " || !!document.querySelector('dialog[open]')")));
  }

  WebDriverWait wait(Duration d) {
    WebDriverWait w = new WebDriverWait(driver, d);
    w.pollingEvery(Duration.ofMillis(50));
    return w;
  }

  WebElement waitFor(By by) {
    return wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves a PNG of the viewport as {@code name}.png in each of the given folders. */
  void screenshot(String name, List<Path> folders) {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    for (Path dir : folders) {
      try {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), png);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The console errors the page logged since the last call (uncaught exceptions, failed module loads). */
  List<String> consoleErrors() {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    return entries.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        // The API answering 401/404 is logged by the browser as a failed resource; those are expected.
        .filter(m -> !m.matches("(?s).*/api/.* Failed to load resource: the server responded with a status of 4\\d\\d.*"))
        .toList();
  }

  /** Types keys into whatever has the focus, as a person at the keyboard does. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  void signIn(String user, String password) {
    go("#/login");
    waitFor(By.name("username")).sendKeys(user);
    find(By.name("password")).sendKeys(password);
    find(By.id("login-submit")).click();
    wait(Duration.ofSeconds(15)).until(d -> ((String) js("return location.hash")).startsWith("#/search")
        && !all(By.id("who-user")).isEmpty());
    waitReady();
  }

  /** When the application asks for a justification, gives it (as a user at the keyboard would). */
  void justifyIfAsked(String reason) {
    try {
      WebElement dialog = new WebDriverWait(driver, Duration.ofSeconds(3))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.justification")));
      dialog.findElement(By.name("justification")).sendKeys(reason);
      dialog.findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOf(dialog));
    } catch (org.openqa.selenium.TimeoutException notAsked) {
      // no justification needed here
    }
    waitReady();
  }

  /** Forgets the session as closing the tab does. */
  void signOut() {
    js("sessionStorage.clear()");
    driver.get("about:blank");
  }

  Map<String, Object> viewport() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) js("return {w: innerWidth, h: innerHeight, sw: document.documentElement.scrollWidth}");
    return m;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
