package org.mirabella.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The analysts' journeys in a real browser (headless chromium) against a real server over a real
 * H2 store with the demo data. A journey whose API has not landed yet is skipped, naming the route.
 * Screenshots go to target/screenshots, and to docs/screenshots with {@code -Dmirabella.screenshots=docs}.
 */
class WebJourneyTest {
  private static WebTestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = new WebTestServer();
    // The synthetic case file as the agencies imported it (every route), for the routes and the map;
    // not cross-matched, so the hits inbox holds only the hit the release journey sets up.
    org.mirabella.scenario.cli.ScenarioDemo.load(server.db, new org.mirabella.store.EntityStore(server.db, org.mirabella.model.Model.get()),
        org.mirabella.scenario.Scale.parse("300"), new java.io.PrintWriter(new java.io.StringWriter()), false);
    browser = Browser.open(server.base());
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @BeforeEach
  void freshSession() {
    browser.go("#/search");
    browser.js("localStorage.removeItem('mirabella.lang')");
    browser.signOut();
    browser.consoleErrors();
  }

  @AfterEach
  void noScriptErrors() {
    assertThat(browser.consoleErrors()).as("console errors").isEmpty();
  }

  static List<Path> screenshotFolders() {
    List<Path> out = new ArrayList<>(List.of(Path.of("target", "screenshots")));
    boolean docs = "docs".equals(System.getProperty("mirabella.screenshots")) || "docs".equals(System.getenv("MIRABELLA_SCREENSHOTS"));
    if (docs) {
      Path root = Files.exists(Path.of("docs")) ? Path.of(".") : Path.of("..");
      out.add(root.resolve("docs").resolve("screenshots"));
    }
    return out;
  }

  private void shot(String name) {
    browser.screenshot(name, screenshotFolders());
  }

  private void signInIfServerHasAccounts() {
    if (server.has("POST /api/login")) browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
  }

  @Test
  void layoutHasHeaderNavigationAndFitsA1366x768Screen() {
    signInIfServerHasAccounts();
    browser.go("#/search");
    List<String> nav = browser.all(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    assertThat(nav).contains("Search", "Hits", "Network", "Map", "Cases & joint actions");
    assertThat(browser.find(By.id("nav-search")).getAttribute("aria-current")).isEqualTo("page");
    var vp = browser.viewport();
    assertThat(((Number) vp.get("w")).intValue()).isEqualTo(Browser.WIDTH);
    assertThat(((Number) vp.get("sw")).intValue()).as("no horizontal scrolling at 1366 px").isLessThanOrEqualTo(Browser.WIDTH);
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Search");
    shot("search");
  }

  @Test
  void keyboardAloneReachesTheSkipLinkAndTheNavigation() {
    signInIfServerHasAccounts();
    browser.go("#/search");
    // Start at the top of the document, as after loading the page.
    browser.js("document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex')");
    browser.keys(Keys.TAB);
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("skip-link");
    // Tab on through the brand to the first navigation link, then follow the next one with Enter.
    for (int i = 0; i < 3 && !"nav-search".equals(browser.js("return document.activeElement.id")); i++) browser.keys(Keys.TAB);
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("nav-search");
    browser.keys(Keys.TAB);
    browser.keys(Keys.ENTER);
    browser.wait(Duration.ofSeconds(10)).until(d -> "#/hits".equals(browser.js("return location.hash")));
    browser.waitReady();
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Hits inbox");
    // "/" comes back to search and puts the cursor in the query field.
    browser.js("document.activeElement.blur()");
    browser.keys("/");
    browser.wait(Duration.ofSeconds(10)).until(d -> "#/search".equals(browser.js("return location.hash")));
    browser.waitReady();
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("q");
  }

  @Test
  void theHitsFilterIsChosenAtTheKeyboardAndThenApplied() {
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/hits");
    // Arrow keys move through the choices without leaving the screen or the select...
    browser.js("document.getElementById('f-show').focus()");
    browser.keys(Keys.ARROW_DOWN);
    browser.keys(Keys.ARROW_DOWN);
    assertThat(browser.js("return location.hash")).isEqualTo("#/hits");
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("f-show");
    assertThat(browser.js("return document.getElementById('f-show').value")).isEqualTo("incoming");
    // ...and the choice is applied with the button.
    browser.keys(Keys.TAB);
    browser.keys(Keys.ENTER);
    browser.wait(Duration.ofSeconds(10)).until(d -> "#/hits?show=incoming".equals(browser.js("return location.hash")));
    browser.waitReady();
    assertThat(browser.js("return document.getElementById('f-show').value")).isEqualTo("incoming");
  }

  @Test
  void everyFormControlHasALabel() {
    signInIfServerHasAccounts();
    for (String route : List.of("#/search", "#/network", "#/map", "#/cases", "#/hits", "#/routes")) {
      browser.go(route);
      Object unlabelled = browser.js("return [...document.querySelectorAll('main input, main select, main textarea')]"
          + ".filter(el => el.type !== 'checkbox' && !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.name || el.id)");
      assertThat((List<?>) unlabelled).as("unlabelled controls on " + route).isEmpty();
    }
  }

  @Test
  void everyMainScreenOpensAndIsPhotographed() {
    signInIfServerHasAccounts();
    for (String[] s : new String[][] {{"#/hits", "hits", "Hits inbox"}, {"#/cases", "cases", "Cases and joint action days"},
        {"#/routes?period=2024-Q3", "routes-2024-Q3", "Routes and reports"}}) {
      browser.go(s[0]);
      assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(s[2]);
      assertThat(browser.all(By.cssSelector(".problem[data-status='500']"))).as("server errors on " + s[0]).isEmpty();
      shot(s[1]);
    }
  }

  @Test
  void routesScreenShowsThePeriodsRouteNetworkAndOffersTheReport() {
    server.assumeApi("GET /api/routes");
    signInIfServerHasAccounts();
    browser.go("#/routes?period=2024-Q3");
    WebElement network = browser.waitFor(By.cssSelector("#route-network h2"));
    assertThat(network.getText()).isEqualTo("Flows in 2024-Q3");
    assertThat(browser.all(By.cssSelector(".problem"))).as("no error on the routes screen").isEmpty();
    assertThat(browser.find(By.id("report-pdf")).getText()).isEqualTo("Download report (PDF)");
    assertThat(browser.find(By.cssSelector("nav a[href='#/routes']")).getAttribute("aria-current")).isEqualTo("page");
  }

  @Test
  void aReportTheServerRefusesIsSaidBesideItsButtonNotThrown() {
    server.assumeApi("GET /api/routes");
    signInIfServerHasAccounts();
    browser.go("#/routes?period=2025-Q5");
    browser.waitFor(By.cssSelector("#route-network .problem"));
    browser.find(By.id("report-pdf")).click();
    // The server's answer beside the buttons, and no uncaught error in the console (checked after each test).
    WebElement problem = browser.waitFor(By.cssSelector("#report-errors .problem"));
    assertThat(problem.getAttribute("data-status")).isEqualTo("400");
    assertThat(problem.getText()).contains("period");
  }

  @Test
  void mapDrawsTheOfflineWorldOutlineWithoutTiles() {
    signInIfServerHasAccounts();
    browser.go("#/map");
    browser.wait(Duration.ofSeconds(15)).until(d -> "true".equals(browser.js("return document.body.dataset.mapReady || ''")));
    Number countries = (Number) browser.js("return document.querySelectorAll('#map path.leaflet-interactive, #map svg path').length");
    assertThat(countries.intValue()).as("country outlines drawn").isGreaterThan(100);
    assertThat(browser.all(By.cssSelector("#map img.leaflet-tile"))).as("no tile images").isEmpty();
  }

  /** Waits until the map screen has drawn what the API answered. */
  private void waitForMap() {
    browser.wait(Duration.ofSeconds(20)).until(d -> "true".equals(browser.js("return document.body.dataset.mapReady || ''")));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> flowsDrawn() {
    return (List<Map<String, Object>>) browser.js("return [...document.querySelectorAll('#map path.flow')].map(p => ({from: p.dataset.from, "
        + "to: p.dataset.to, count: Number(p.dataset.count), width: Number(p.getAttribute('stroke-width')), arrow: p.getAttribute('marker-end')}))");
  }

  @Test
  void mapDrawsTheScenariosRoutesAsFlowsAndFiltersThemByRoute() {
    server.assumeApi("GET /api/map/events");
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/map");
    waitForMap();
    assertThat(browser.all(By.cssSelector("#map-status .problem"))).as("no error").isEmpty();
    List<Map<String, Object>> flows = flowsDrawn();
    assertThat(flows).as("journey legs drawn as flows").isNotEmpty();
    // Italy's own journey records: the Central Mediterranean into Lampedusa and on to the north.
    assertThat(flows).anySatisfy(f -> assertThat(f.get("to")).isEqualTo("Lampedusa"));
    assertThat(flows).allSatisfy(f -> assertThat(f.get("arrow")).isEqualTo("url(#flow-arrow)"));
    assertThat((Boolean) browser.js("return !!document.querySelector('#map svg marker#flow-arrow')")).as("arrowhead defined").isTrue();
    // The weight of a line follows its number of legs: the busiest flow is drawn thickest.
    Map<String, Object> busiest = flows.stream().max(java.util.Comparator.comparingDouble(f -> ((Number) f.get("count")).doubleValue())).orElseThrow();
    Map<String, Object> quietest = flows.stream().min(java.util.Comparator.comparingDouble(f -> ((Number) f.get("count")).doubleValue())).orElseThrow();
    if (((Number) busiest.get("count")).intValue() > ((Number) quietest.get("count")).intValue()) {
      assertThat(((Number) busiest.get("width")).doubleValue()).isGreaterThan(((Number) quietest.get("width")).doubleValue());
    }
    int rows = browser.all(By.cssSelector("#map-flows tbody tr")).size();
    assertThat(rows).as("the flows listed beside the map").isEqualTo(Math.min(25, flows.size()));
    assertThat((Number) browser.js("return document.querySelectorAll('#map path.event-BorderCrossing, #map path.event-Interception').length"))
        .as("landings and interceptions as points").satisfies(n -> assertThat(n.intValue()).isPositive());
    shot("map");

    // Filter to a route Italy holds nothing of: no flow into Lampedusa remains.
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("map-route"))).selectByValue("channel");
    browser.find(By.id("map-apply")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> String.valueOf(browser.js("return location.hash")).contains("route=channel"));
    waitForMap();
    assertThat(flowsDrawn()).noneSatisfy(f -> assertThat(f.get("to")).isEqualTo("Lampedusa"));
    // A partner sees only its own part: Libya's analyst gets no Italian journey leg.
    browser.signOut();
    browser.signIn(DemoAccounts.LY.user(), DemoAccounts.LY.password());
    browser.go("#/map");
    waitForMap();
    List<String> owners = browser.all(By.cssSelector("#map-list .badge.agency")).stream().map(WebElement::getText).distinct().toList();
    assertThat(owners).as("owners of what Libya's analyst sees on the map").containsOnly("LY");
  }

  @Test
  void untickingEveryKindOnTheMapShowsNothingNotEverything() {
    server.assumeApi("GET /api/map/events");
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/map");
    waitForMap();
    assertThat(flowsDrawn()).as("Italy's legs with every kind ticked").isNotEmpty();
    for (WebElement box : browser.all(By.cssSelector("#map-filters input[name=kinds]"))) box.click();
    browser.find(By.id("map-apply")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> String.valueOf(browser.js("return location.hash")).endsWith("kinds="));
    waitForMap();
    assertThat(flowsDrawn()).isEmpty();
    assertThat(browser.all(By.cssSelector("#map path.event"))).isEmpty();
    assertThat(browser.all(By.cssSelector("#map-filters input[name=kinds]:checked"))).as("the boxes stay unticked").isEmpty();
  }

  @Test
  void routesScreenShowsTheScenariosFlowsAndChangeOverTime() {
    server.assumeApi("GET /api/routes");
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/routes");
    // Opened without a period, the screen moves to the latest quarter with journeys.
    browser.wait(Duration.ofSeconds(15)).until(d -> String.valueOf(browser.js("return location.hash")).contains("period="));
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#routes-over-time table")).isEmpty());
    assertThat(browser.all(By.cssSelector("#route-network table")).get(0).getText()).containsAnyOf("Lampedusa", "Milano", "Catania");
    assertThat(browser.find(By.id("routes-over-time")).getText()).contains("Central Mediterranean");
    assertThat(browser.find(By.id("routes-on-map")).getAttribute("href")).contains("#/map?from=");
    shot("routes");
  }

  @Test
  void theLanguageSwitchShowsTheScreensInFrenchAndRemembersIt() {
    signInIfServerHasAccounts();
    browser.go("#/search");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("lang-select"))).selectByValue("fr");
    browser.wait(Duration.ofSeconds(15)).until(d -> "fr".equals(browser.js("return document.documentElement.lang")));
    browser.waitReady();
    assertThat(browser.find(By.id("nav-search")).getText()).isEqualTo("Recherche");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Recherche");
    // Kept for the next visit.
    browser.go("#/map");
    assertThat(browser.find(By.id("nav-map")).getText()).isEqualTo("Carte");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Carte");
    assertThat(browser.all(By.cssSelector("main")).get(0).getText()).doesNotContain("⟦");
    shot("map-fr");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("lang-select"))).selectByValue("en");
    browser.wait(Duration.ofSeconds(15)).until(d -> "en".equals(browser.js("return document.documentElement.lang")));
  }

  /**
   * Signed in, on a screen of the app, runs {@code promise} (a JavaScript expression that resolves
   * with the result, which it may pass to {@code done}) in the page and returns what it resolved with,
   * or {error} if it failed.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> inPage(String promise) {
    signInIfServerHasAccounts();
    browser.go("#/search");
    return (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];" + promise + ".catch((e) => done({ error: String(e) }));");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTimelineModuleOrdersPartialDatesAndShowsTheYearsBetween() {
    Map<String, Object> out = inPage(
        "import('/js/screens/timeline.js').then((m) => {"
        + "  const el = m.timeline([{ date: '2025-07-02', text: 'Crossing' }, { date: '2023', text: 'Arrest', id: 'it-sco-0001' },"
        + "    { date: '2025-07', text: 'Leg' }, { date: '', text: 'undated' }]);"
        + "  document.querySelector('main').append(el);"
        + "  done({ items: [...el.querySelectorAll('li')].map((li) => li.dataset.date), years: [...el.querySelectorAll('.tl-year')].map((y) => y.title),"
        + "    link: el.querySelector('li a')?.getAttribute('href'), empty: m.timeline([]).textContent });"
        + "})");
    assertThat(out.get("error")).isNull();
    assertThat((List<String>) out.get("items")).containsExactly("2023", "2025-07", "2025-07-02");
    assertThat((List<String>) out.get("years")).as("a bar per year, the empty year too").containsExactly("2023: 1", "2024: 0", "2025: 2");
    assertThat(out.get("link")).isEqualTo("#/entity/it-sco-0001");
    assertThat(out.get("empty")).isEqualTo("No dated events.");
  }

  @Test
  void anUnknownRecordShowsTheServersAnswerNotAScriptError() {
    signInIfServerHasAccounts();
    browser.go("#/entity/no-such-record");
    WebElement answer = browser.waitFor(By.cssSelector("#entity-not-found, [data-pending-api='entity']"));
    assertThat(answer.getText()).isNotBlank();
  }

  @Test
  void searchFindsOneManAcrossScriptsAndOpensHisProfile() {
    server.assumeApi("GET /api/search");
    signInIfServerHasAccounts();
    browser.go("#/search");
    WebElement q = browser.waitFor(By.id("q"));
    // Italy's analyst types the name in Arabic script; Italy's record spells it in Latin letters.
    q.sendKeys("محمد عبد الرحمن");
    if (browser.find(By.id("justification")).getAttribute("value").isBlank()) {
      browser.find(By.id("justification")).sendKeys("IT-SCO-2024-117: identify the organiser");
    }
    q.sendKeys(Keys.ENTER);
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#results a.result-link")).isEmpty());
    List<String> names = browser.all(By.cssSelector("#results a.result-link")).stream().map(WebElement::getText).toList();
    assertThat(names).contains("Mohamed Abdelrahman");
    shot("search-results");
    browser.all(By.cssSelector("#results a.result-link")).get(0).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> ((String) browser.js("return location.hash")).startsWith("#/entity/"));
    browser.justifyIfAsked("IT-SCO-2024-117: identify the organiser");
    assertThat(browser.waitFor(By.id("properties")).getText()).contains("Abdelrahman", "+218912345678");
  }

  @Test
  void theCaseFilterTakesACaseReferenceAsTheResultsShowIt() {
    server.assumeApi("GET /api/search");
    // An Italian case whose reference holds a slash of its own, as Italy's prosecutors write them.
    String ref = "RGNR 9876/2025 DDA Catania";
    server.context.entities().ensureCase("IT", ref, null, java.time.LocalDate.of(2025, 1, 1));
    var e = new org.mirabella.model.Entity("it-slash-case-1", org.mirabella.model.Model.get().require("Vessel"), "IT", ref, null, null);
    e.add("name", "Stella Maris II", org.mirabella.provenance.Provenance.of("IT", ref));
    server.context.entities().write(List.of(e));
    server.context.search().index(List.of(e));
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    // Typed as the Case column shows it, with or without the agency filter (it used to be read as
    // agency "RGNR 9876", reference "2025 DDA Catania").
    for (String filter : List.of("&agency=IT", "")) {
      browser.go("#/search?case=" + java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + filter);
      browser.justifyIfAsked("IT RGNR 9876/2025: the case's records");
      browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#results h2, #results .problem")).isEmpty());
      assertThat(browser.find(By.id("results")).getText()).as("results of the case" + filter).contains("Stella Maris II");
    }
    // A reference whose prefix is its agency, as before.
    browser.go("#/search?case=IT-SCO-2024-117");
    browser.justifyIfAsked("IT-SCO-2024-117: the case's records");
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#results a.result-link")).isEmpty());
    assertThat(browser.find(By.id("results")).getText()).contains("Mohamed Abdelrahman");
  }

  @Test
  void signInShowsTheUsersAgencyAndSignOutEndsTheSession() {
    server.assumeApi("POST /api/login");
    browser.go("#/search");
    browser.waitFor(By.name("username"));
    shot("sign-in");
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    assertThat(browser.find(By.id("who-agency")).getText()).isEqualTo("IT");
    browser.find(By.id("sign-out")).click();
    browser.wait(Duration.ofSeconds(10)).until(d -> ((String) browser.js("return location.hash")).startsWith("#/login"));
    assertThat(browser.js("return sessionStorage.getItem('mirabella.token')")).isNull();
  }

  @Test
  void aWrongPasswordIsShownFromTheProblemAnswer() {
    server.assumeApi("POST /api/login");
    browser.go("#/login");
    browser.waitFor(By.name("username")).sendKeys(DemoAccounts.IT.user());
    browser.find(By.name("password")).sendKeys("not-the-password");
    browser.find(By.id("login-submit")).click();
    WebElement problem = browser.waitFor(By.cssSelector("#login-errors .problem"));
    assertThat(problem.getAttribute("data-status")).isEqualTo("401");
    // In the user's language, not the server's English.
    browser.go("#/login");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("lang-select"))).selectByValue("fr");
    browser.wait(Duration.ofSeconds(15)).until(d -> "fr".equals(browser.js("return document.documentElement.lang")));
    browser.waitReady();
    browser.waitFor(By.name("username")).sendKeys(DemoAccounts.IT.user());
    browser.find(By.name("password")).sendKeys("not-the-password");
    browser.find(By.id("login-submit")).click();
    assertThat(browser.waitFor(By.cssSelector("#login-errors .problem")).getText())
        .contains("Nom d’utilisateur ou mot de passe incorrect").doesNotContain("Wrong", "Unauthorized");
  }

  @Test
  void aUserOfOneAgencyCannotReachAnothersUndisclosedRecordThroughTheUi() {
    server.assumeApi("POST /api/login");
    server.assumeApi("GET /api/entities/{id}");
    // The French unit's victim record: H2, a victim, never disclosed to Italy.
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/entity/fr-oltim-0310");
    browser.justifyIfAsked("IT-SCO-2024-117: checking a possible victim");
    browser.waitFor(By.id("entity-not-found"));
    assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Selam", "Tesfaye");
    // Nor does it show up in search or in the listing of persons.
    browser.go("#/search?q=Selam");
    browser.justifyIfAsked("IT-SCO-2024-117: checking a possible victim");
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#results h2, #results .problem")).isEmpty());
    // (Italy's own Selam Negash of the synthetic case file may be found: the server indexes the case
    // file imported beside it, ImportFollower. France's Selam Tesfaye must not be.)
    assertThat(browser.find(By.id("results")).getText()).doesNotContain("Selam Tesfaye", "Tesfaye", "fr-oltim-0310");
    // Its owner sees it.
    browser.signOut();
    browser.signIn(DemoAccounts.FR.user(), DemoAccounts.FR.password());
    browser.go("#/entity/fr-oltim-0310");
    browser.justifyIfAsked("FR-OLTIM-2025-021: victim follow-up");
    assertThat(browser.waitFor(By.id("properties")).getText()).contains("Selam Tesfaye");
  }

  @Test
  void aPersonsProfileAsksForAJustificationAndShowsProvenance() {
    server.assumeApi("POST /api/login");
    server.assumeApi("GET /api/entities/{id}");
    browser.signIn(DemoAccounts.DE.user(), DemoAccounts.DE.password());
    browser.go("#/entity/de-bka-7781");
    WebElement dialog = browser.waitFor(By.cssSelector("dialog.justification"));
    assertThat(dialog.getText()).contains("Justification required");
    shot("justification");
    browser.justifyIfAsked("DE-BKA-ST-3312: identify the organiser");
    WebElement props = browser.waitFor(By.id("properties"));
    assertThat(props.getText()).contains("Abdel-Rahman", "DE", "H1", "B2");
    // H1: not for judicial use without permission, shown with the record.
    assertThat(browser.find(By.tagName("main")).getText()).containsIgnoringCase("judicial");
    shot("entity");
  }

  @Test
  void cancellingTheJustificationSaysSoInTheUsersWords() {
    server.assumeApi("GET /api/entities/{id}");
    browser.signIn(DemoAccounts.DE.user(), DemoAccounts.DE.password());
    browser.go("#/entity/de-bka-7781");
    browser.waitFor(By.cssSelector("dialog.justification textarea")).sendKeys(Keys.ESCAPE);
    browser.waitReady();
    WebElement problem = browser.waitFor(By.cssSelector("main .problem"));
    assertThat(problem.getText()).contains("No reason was given").doesNotContain("X-Justification");
    assertThat(browser.all(By.id("properties"))).isEmpty();
  }

  @Test
  void onlyADataProtectionOfficerSeesTheAuditTrail() {
    server.assumeApi("POST /api/login");
    server.assumeApi("GET /api/audit");
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    assertThat(browser.all(By.id("nav-audit"))).isEmpty();
    browser.signOut();
    browser.signIn(DemoAccounts.IT_DPO.user(), DemoAccounts.IT_DPO.password());
    browser.find(By.id("nav-audit")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#audit-records table, #audit-records .empty")).isEmpty());
    assertThat(browser.find(By.id("audit-records")).getText()).contains("login");
    shot("audit");
  }

  @Test
  void oneAgencyRequestsAHitsDetailsAndTheOwnerReleasesThem() {
    String ref = server.hit.ref();
    // The British analyst sees the hit, but not the Italian record behind it.
    browser.signIn(DemoAccounts.UK.user(), DemoAccounts.UK.password());
    browser.find(By.id("nav-hits")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("a.hit-link")).isEmpty());
    WebElement inbox = browser.find(By.id("hits-list"));
    assertThat(inbox.getText()).contains(ref, "IT", "high", "name, phone").doesNotContain("it-sco-0001");
    shot("hits");
    browser.find(By.linkText(ref)).click();
    browser.waitFor(By.id("request-justification")).sendKeys("UK-NCA-OIC-884: same phone as our suspect");
    browser.find(By.id("request-details")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("[data-request][data-status='pending']")).isEmpty());
    assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Mohamed Abdelrahman");

    // The Italian owner sees the request with its justification and deadline, and releases all.
    browser.signOut();
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/hits?show=incoming");
    browser.waitFor(By.linkText(ref)).click();
    WebElement request = browser.waitFor(By.cssSelector("[data-request][data-status='pending']"));
    assertThat(request.getText()).contains("UK-NCA-OIC-884: same phone as our suspect", "due");
    shot("hit-request");
    browser.find(By.cssSelector("button[id^='release-all-']")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("[data-request][data-status='released']")).isEmpty());

    // Now the British analyst reaches the Italian record from the hit.
    openHitAs(DemoAccounts.UK, ref);
    browser.waitFor(By.id("other-entity")).click();
    browser.justifyIfAsked("UK-NCA-OIC-884: released by IT on hit " + ref);
    assertThat(browser.waitFor(By.id("properties")).getText()).contains("Mohamed Abdelrahman");
  }

  private static List<org.mirabella.hits.Hit> frenchGermanHits;

  /**
   * Sixty hits between French and German records of the synthetic case file, made once: more than
   * a page (50) of either inbox. The first made is the oldest, so it is not on the inbox's first page.
   */
  private static synchronized List<org.mirabella.hits.Hit> moreThanAPageOfHits() {
    if (frenchGermanHits == null) {
      var store = new org.mirabella.hits.HitStore(server.db, new org.mirabella.audit.JdbcAuditLog(server.db));
      String ids = "SELECT id FROM entity WHERE agency = :a AND schema_name = 'Person' AND category <> 'VICTIM' ORDER BY id LIMIT 60";
      List<String> fr = server.db.jdbi().withHandle(x -> x.createQuery(ids).bind("a", "FR").mapTo(String.class).list());
      List<String> de = server.db.jdbi().withHandle(x -> x.createQuery(ids).bind("a", "DE").mapTo(String.class).list());
      assertThat(Math.min(fr.size(), de.size())).as("French and German persons in the case file").isEqualTo(60);
      List<org.mirabella.hits.Hit> made = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        made.add(store.record(new org.mirabella.hits.ScoredPair(fr.get(i), de.get(i), 0.8, org.mirabella.hits.ScoredPair.Band.MEDIUM,
            java.util.Set.of("name"), "web-test")).orElseThrow());
      }
      frenchGermanHits = made;
    }
    return frenchGermanHits;
  }

  @Test
  void theHitsInboxCountsEveryHitNotThoseOfItsFirstPage() {
    long total = frenchHitsSignedInAsFrance();
    browser.go("#/hits");
    assertThat(browser.waitFor(By.id("hits-count")).getText()).isEqualTo("Hits: " + total);
    assertThat(browser.find(By.id("hits-range")).getText()).isEqualTo("Hits 1–50 of " + total + ".");
    assertThat(browser.all(By.cssSelector("#hits-list tbody tr"))).hasSize(50);
  }

  /** Makes more than a page of France's hits, counts them all in the store, and signs in as France's analyst. */
  private long frenchHitsSignedInAsFrance() {
    moreThanAPageOfHits();
    long total = server.db.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM hit WHERE left_agency = 'FR' OR right_agency = 'FR'")
        .mapTo(Long.class).one());
    browser.signIn(DemoAccounts.FR.user(), DemoAccounts.FR.password());
    return total;
  }

  @Test
  void anOffsetPastTheLastHitSaysSoAndLeadsBackToTheLastPage() {
    long total = frenchHitsSignedInAsFrance();
    browser.go("#/hits?offset=5000");
    assertThat(browser.waitFor(By.id("hits-range")).getText()).isEqualTo("No hits this far down; " + total + " in all.");
    assertThat(browser.all(By.id("hits-next"))).isEmpty();
    long last = (total - 1) / 50 * 50;
    assertThat(browser.find(By.id("hits-previous")).getAttribute("href")).endsWith("offset=" + last);
  }

  /**
   * Runs {@code body} in the page with {@code i} (i18n.js) and {@code ui} (ui.js) at hand, for it to
   * load languages and fill {@code r}; the page's own language is put back after. Returns {@code r}.
   */
  private Map<String, Object> inLanguages(String body) {
    return inPage("Promise.all([import('/js/i18n.js'), import('/js/ui.js')]).then(async ([i, ui]) => {"
        + "  const was = i.language(); const r = {};" + body + "  await i.loadMessages(was); done(r);"
        + "})");
  }

  @Test
  void theKindsThatMatchedAreNamedInTheUsersLanguageNotByTheirCodes() {
    Map<String, Object> out = inLanguages(
        "  await i.loadMessages('en'); r.en = ui.kindNames(['birthDate', 'identifier', 'name']);"
        + "  await i.loadMessages('fr'); r.fr = ui.kindNames(['birthDate', 'country', 'phone', 'aNewKind']);");
    assertThat(out.get("error")).isNull();
    assertThat(out.get("en")).isEqualTo("date of birth, identity document, name");
    assertThat(out.get("fr")).as("a kind without a name shows its code").isEqualTo("date de naissance, nationalité ou pays, téléphone, aNewKind");
  }

  @Test
  void countedTextsTakeTheFormTheirCountNeedsInEachLanguage() {
    Map<String, Object> out = inLanguages(
        "  await i.loadMessages('en');"
        + "  r.en1 = i.t('network.pathsFound', { count: 1, length: 4 }); r.en2 = i.t('network.pathsFound', { count: 2, length: 4 });"
        + "  r.en0 = i.t('map.flowTip', { from: 'Zuwara', to: 'Lampedusa', count: 0, persons: 1 });"
        + "  await i.loadMessages('fr');"
        + "  r.fr0 = i.t('network.pathsFound', { count: 0, length: 4 }); r.fr3 = i.t('entity.history', { count: 3 });");
    assertThat(out.get("error")).isNull();
    assertThat(out.get("en1")).isEqualTo("1 path of up to 4 steps.");
    assertThat(out.get("en2")).isEqualTo("2 paths of up to 4 steps.");
    assertThat(out.get("en0")).isEqualTo("Zuwara → Lampedusa: 0 legs, 1 person");
    assertThat(out.get("fr0")).as("French counts 0 as singular").isEqualTo("0 chemin d’au plus 4 étapes.");
    assertThat(out.get("fr3")).isEqualTo("Historique : 3 déclarations retirées");
  }

  @Test
  void aRecordsProfileListsItsHitWhereverItIsInTheInbox() {
    org.mirabella.hits.Hit oldest = moreThanAPageOfHits().get(0);
    browser.signIn(DemoAccounts.FR.user(), DemoAccounts.FR.password());
    browser.go("#/entity/" + oldest.ownEntity("FR"));
    browser.justifyIfAsked("FR-OLTIM-2025-021: checking the record's hits");
    browser.waitFor(By.id("properties"));
    assertThat(browser.waitFor(By.cssSelector("#entity-hits a[href='#/hits/" + oldest.ref() + "']")).getText()).isEqualTo(oldest.ref());
  }

  /** Signs in afresh as {@code account} and opens the hit {@code ref}. */
  private void openHitAs(DemoAccounts account, String ref) {
    if (!"about:blank".equals(browser.driver.getCurrentUrl())) browser.signOut();
    browser.signIn(account.user(), account.password());
    browser.go("#/hits/" + ref);
  }

  @Test
  void aPartReleaseIsShownAsSuchAndTheOwnerCanRevokeIt() {
    // A hit of its own between the German and the Italian records of the same man, so that this
    // journey does not depend on the full release above.
    String ref = new org.mirabella.hits.HitStore(server.db, new org.mirabella.audit.JdbcAuditLog(server.db))
        .record(new org.mirabella.hits.ScoredPair("it-sco-0001", "de-bka-7781", 0.93, org.mirabella.hits.ScoredPair.Band.HIGH,
            java.util.Set.of("name"), "web-test")).orElseThrow().ref();
    openHitAs(DemoAccounts.DE, ref);
    browser.waitFor(By.id("request-justification")).sendKeys("DE-BKA-ST-3312: same man as our organiser?");
    browser.find(By.id("request-details")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("[data-request][data-status='pending']")).isEmpty());

    // The Italian owner releases the name only.
    openHitAs(DemoAccounts.IT, ref);
    browser.waitFor(By.cssSelector("button[id^='choose-']")).click();
    browser.justifyIfAsked("IT-SCO-2024-117: answering the BKA's request");
    browser.waitFor(By.cssSelector("input[name=prop][value=name]")).click();
    browser.find(By.cssSelector("button[id^='release-part-']")).click();
    WebElement request = browser.waitFor(By.cssSelector("[data-request][data-status='partly_released']"));
    assertThat(request.getText()).contains("partly released", "name").doesNotContain("⟦");
    // A part release can be revoked like a full one, and then shows as revoked.
    browser.find(By.cssSelector("button[id^='revoke-']")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> browser.all(By.cssSelector("button[id^='revoke-']")).isEmpty());
    assertThat(browser.waitFor(By.cssSelector("[data-request]")).getText()).contains("revoked").doesNotContain("⟦");
  }

  @Test
  void theNetworkChartStartsFromARecordAndFindsAPath() {
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/entity/it-sco-0003");
    browser.waitFor(By.id("open-network")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> browser.all(By.cssSelector("#net-nodes li")).size() >= 2);
    assertThat(browser.find(By.id("net-nodes")).getText()).contains("Interception south of Lampedusa", "it-sco-0002");
    assertThat(((Number) browser.js("return document.querySelectorAll('#graph canvas').length")).intValue()).isPositive();
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("net-from"))).selectByValue("it-sco-0003");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("net-to"))).selectByValue("it-sco-0002");
    browser.find(By.id("net-path")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> browser.find(By.id("net-status")).getText().contains("length 1"));
    shot("network");
  }

  /** Calls the API as {@code account} (for a journey's setup), expecting success; returns the answer's body. */
  private static String apiPost(DemoAccounts account, String path, String json) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/login"))
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"user\":\"" + account.user() + "\",\"password\":\"" + account.password() + "\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    String token = org.mirabella.model.json.EntityJson.mapper().readTree(login.body()).get("token").asText();
    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + path))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
    return r.body();
  }

  /** A planned operation {@code id} led by Italy with Libya, and a task for each of {@code taskAgencies} (IT: an arrest, others: a search). */
  private static void italianOperationWithTasks(String id, String... taskAgencies) throws Exception {
    server.assumeApi("POST /api/operations");
    apiPost(DemoAccounts.IT, "/api/operations", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"start\":\"2026-12-10\","
        + "\"end\":\"2026-12-11\",\"leadAgency\":\"IT\",\"participants\":[\"IT\",\"LY\"],\"objectives\":[],\"status\":\"planned\"}");
    for (String agency : taskAgencies) {
      apiPost(DemoAccounts.IT, "/api/operations/" + id + "/tasks",
          "{\"agency\":\"" + agency + "\",\"kind\":\"" + (agency.equals("IT") ? "arrest" : "search") + "\"}");
    }
  }

  @Test
  void aStatusChosenAtTheKeyboardIsSavedWithItsButtonNotAtEachArrowPress() throws Exception {
    italianOperationWithTasks("porto-tastiera-2026", "IT");
    java.util.function.Supplier<String> stored = () -> server.db.jdbi().withHandle(x -> x.createQuery(
        "SELECT status FROM operation_task WHERE operation_id = 'porto-tastiera-2026'").mapTo(String.class).one())
        .toLowerCase(java.util.Locale.ROOT).replace('_', '-'); // as the page names it: IN_PROGRESS is in-progress
    String before = stored.get();
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/operations/porto-tastiera-2026");
    WebElement task = browser.waitFor(By.cssSelector("#main select[aria-label^='Status of task']"));
    WebElement save = browser.find(By.cssSelector("#main button[aria-label^='Save the status of task']"));
    assertThat(save.isEnabled()).as("nothing to save yet").isFalse();
    task.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    task.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    assertThat(stored.get()).as("arrow presses save nothing").isEqualTo(before);
    String chosen = task.getAttribute("value");
    assertThat(chosen).isNotEqualTo(before);
    assertThat(save.isEnabled()).isTrue();
    save.click();
    browser.wait(Duration.ofSeconds(15)).until(d -> chosen.equals(stored.get()));
    // The page is drawn again after the save; the operation's own status has nothing to save.
    Boolean nothingToSave = browser.wait(Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("op-status-save")).isEnabled());
    assertThat(nothingToSave).isTrue();
  }

  @Test
  void aPartnerSeesTheLeadsControlsDisabledNotRefusedAfterTheChange() throws Exception {
    italianOperationWithTasks("porto-sicuro-2026", "IT", "LY");
    // The Libyan partner may move its own task on, not Italy's, and not the operation's status
    // (the server refuses those: the controls used to take the change and then show the refusal).
    browser.signIn(DemoAccounts.LY.user(), DemoAccounts.LY.password());
    browser.go("#/operations/porto-sicuro-2026");
    @SuppressWarnings("unchecked")
    Map<String, Object> enabled = (Map<String, Object>) browser.js("return Object.fromEntries([...document.querySelectorAll('#main tr')]"
        + ".filter((tr) => tr.querySelector('select')).map((tr) => [tr.querySelector('.badge.agency').textContent, !tr.querySelector('select').disabled]))");
    assertThat(enabled).containsEntry("LY", true).containsEntry("IT", false);
    assertThat(browser.find(By.id("op-status")).isEnabled()).isFalse();
    // The lead may change everything.
    browser.signOut();
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/operations/porto-sicuro-2026");
    assertThat(browser.all(By.cssSelector("#main select[aria-label^='Status of task']"))).hasSize(2).allMatch(WebElement::isEnabled);
    assertThat(browser.find(By.id("op-status")).isEnabled()).isTrue();
  }

  @Test
  void aCoordinatorPlansAJointActionDayAndRecordsItsOutcome() {
    server.assumeApi("POST /api/operations");
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.find(By.id("nav-cases")).click();
    browser.waitFor(By.id("op-name")).sendKeys("Mare Aperto");
    browser.js("document.getElementById('op-start').value = '2026-12-01'; document.getElementById('op-end').value = '2026-12-02'");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("op-participants"))).selectByValue("LY");
    browser.find(By.id("op-objectives")).sendKeys("Arrest the boat organisers");
    browser.find(By.id("op-submit")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> ((String) browser.js("return location.hash")).startsWith("#/operations/"));
    browser.waitReady();
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mare Aperto");
    // A task for the Libyan partner, then an arrest recorded by Italy.
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("task-agency"))).selectByValue("LY");
    browser.find(By.id("task-target")).sendKeys("it-sco-0001");
    browser.find(By.id("task-add")).click();
    // The screen is redrawn after each change: read its text afresh each time.
    browser.wait(Duration.ofSeconds(15)).until(d -> String.valueOf(browser.js("return document.querySelector('main').innerText")).contains("it-sco-0001"));
    browser.find(By.id("outcome-add")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> String.valueOf(browser.js("return document.getElementById('op-outcomes')?.innerText || ''"))
        .matches("(?s).*Arrests\\s+1.*"));
    // The partner's task moves on, as its officer reports it done.
    new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("#main select[aria-label^='Status of task']"))).selectByValue("done");
    browser.wait(Duration.ofSeconds(15)).until(d -> "done".equals(browser.js(
        "return document.querySelector(\"#main select[aria-label^='Status of task']\")?.value || ''")));
    shot("operation");
    // The dashboard counts the outcome with every other operation's.
    browser.go("#/cases");
    browser.wait(Duration.ofSeconds(30)).until(d -> !browser.all(By.cssSelector("#ops-dashboard dd, #operations .problem")).isEmpty());
    assertThat(browser.all(By.cssSelector("#operations .problem"))).as("the operations list answered").isEmpty();
    assertThat(browser.find(By.id("operations")).getText()).contains("Mare Aperto");
    String dashboard = browser.find(By.id("ops-dashboard")).getText();
    assertThat(dashboard).containsPattern("Arrests\\s+[1-9]");
    shot("operations-dashboard");
  }
}
