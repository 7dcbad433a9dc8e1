package org.mirabella.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.EntityStore;

/**
 * The network chart in a real browser over the network API: an analyst expands the network around
 * the Italian suspect, finds a path to a money handler, sizes by betweenness to see the key players,
 * narrows the period with the time slider, and runs a disruption simulation to see its curve.
 * Screenshots: network.png, network-path.png, network-disruption.png.
 */
class NetworkJourneyTest {
  private static WebTestServer server;
  private static Browser browser;
  private static final String CASE = "IT-SCO-2024-117";

  @BeforeAll
  static void start() {
    server = new WebTestServer();
    addSmugglingRing(new EntityStore(server.db, Model.get()));
    browser = Browser.open(server.base());
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @AfterEach
  void noScriptErrors() {
    assertThat(browser.consoleErrors()).as("console errors").isEmpty();
  }

  /**
   * Around it-sco-0001: two lieutenants, each with three recruiters; a money handler paid by both
   * lieutenants; the recruiters phone the lieutenants. Eleven people, so disruption has a curve.
   */
  static void addSmugglingRing(EntityStore store) {
    List<Entity> out = new ArrayList<>();
    out.add(person("it-net-l1", "Karim Lieutenant"));
    out.add(person("it-net-l2", "Samir Lieutenant"));
    out.add(person("it-net-m", "Nabil Moneyman"));
    out.add(link("it-net-a1", "Associate", "person", "it-sco-0001", "associate", "it-net-l1"));
    out.add(link("it-net-a2", "Associate", "person", "it-sco-0001", "associate", "it-net-l2"));
    out.add(link("it-net-p1", "Payment", "payer", "it-net-l1", "beneficiary", "it-net-m", "amount", "4000", "currency", "EUR", "date", "2024-03-10"));
    out.add(link("it-net-p2", "Payment", "payer", "it-net-l2", "beneficiary", "it-net-m", "amount", "2500", "currency", "EUR", "date", "2024-09-02"));
    for (int i = 1; i <= 6; i++) {
      String r = "it-net-r" + i;
      String boss = i <= 3 ? "it-net-l1" : "it-net-l2";
      out.add(person(r, "Recruiter " + i));
      out.add(link("it-net-c" + i, "Call", "caller", r, "receiver", boss, "date", "2024-0" + (i + 2) + "-15"));
    }
    store.write(out);
  }

  private static Entity person(String id, String name) {
    Entity e = new Entity(id, Model.get().require("Person"), "IT", CASE, SubjectCategory.SUSPECT, LocalDate.now().plusYears(1));
    e.add("name", name, Provenance.of("IT", CASE));
    return e;
  }

  private static Entity link(String id, String schema, String... props) {
    Entity e = new Entity(id, Model.get().require(schema), "IT", CASE, SubjectCategory.OTHER, LocalDate.now().plusYears(1));
    for (int i = 0; i + 1 < props.length; i += 2) e.add(props[i], props[i + 1], Provenance.of("IT", CASE));
    return e;
  }

  private void shot(String name) {
    browser.screenshot(name, WebJourneyTest.screenshotFolders());
  }

  private String status() {
    return browser.find(By.id("net-status")).getText();
  }

  @Test
  void onAnEmptyChartTheButtonsThatNeedRecordsWait() {
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/network");
    browser.waitFor(By.id("net-start"));
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.find(By.id("net-path")).isEnabled()); // drawn, the chart empty
    for (String b : java.util.List.of("net-path", "net-all-paths", "net-disrupt", "net-curve-png", "net-png", "net-graphml")) {
      assertThat(browser.find(By.id(b)).isEnabled()).as(b + " on an empty chart").isFalse();
    }
    browser.find(By.id("net-start")).sendKeys("it-sco-0001");
    browser.find(By.cssSelector("#net-start-form button[type=submit]")).click();
    browser.wait(Duration.ofSeconds(20)).until(d -> browser.all(By.cssSelector("#net-nodes li")).size() >= 2);
    assertThat(browser.find(By.id("net-path")).isEnabled()).isTrue();
    assertThat(browser.find(By.id("net-disrupt")).isEnabled()).isTrue();
  }

  @Test
  void anAnalystExpandsTheNetworkFindsAPathAndSimulatesTheArrests() {
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/network?entity=it-sco-0001");
    new Select(browser.waitFor(By.id("net-hops"))).selectByValue("3");
    browser.find(By.cssSelector("#net-start-form button[type=submit]")).click();
    browser.wait(Duration.ofSeconds(20)).until(d -> browser.all(By.cssSelector("#net-nodes li")).size() >= 10);
    assertThat(browser.find(By.id("net-nodes")).getText()).contains("Nabil Moneyman", "Recruiter 6", "Mohamed Abdelrahman");
    assertThat(status()).contains("records");
    // The calls and payments arrive aggregated and dated: the slider spans March to September 2024.
    assertThat(browser.find(By.id("net-period")).getText()).contains("2024-03").contains("2024-09");
    // Colour by Leiden community: the two lieutenants' cells come apart.
    new Select(browser.find(By.id("net-colour"))).selectByValue("community");
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.id("net-modularity")).isEmpty());
    assertThat(browser.find(By.id("net-modularity")).getText()).contains("communities (Leiden), modularity 0.");
    assertThat(browser.all(By.cssSelector("#net-legend div")).size()).isGreaterThanOrEqualTo(2);
    shot("network");

    new Select(browser.find(By.id("net-from"))).selectByValue("it-net-r1");
    new Select(browser.find(By.id("net-to"))).selectByValue("it-net-m");
    browser.find(By.id("net-path")).click();
    browser.wait(Duration.ofSeconds(15)).until(d -> status().contains("length 2"));
    Object onPath = browser.js("return window.document.querySelectorAll('#graph canvas').length");
    assertThat(((Number) onPath).intValue()).isPositive();
    shot("network-path");

    new Select(browser.find(By.id("net-size"))).selectByValue("betweenness");
    browser.wait(Duration.ofSeconds(15)).until(d -> browser.all(By.cssSelector("#net-key-players li")).size() >= 3);
    assertThat(browser.find(By.id("net-key-players")).getText()).contains("Lieutenant");

    // Narrowing the period hides the later links.
    browser.js("const s = document.getElementById('net-time-to'); s.value = 1; s.dispatchEvent(new Event('input'))");
    assertThat(browser.find(By.id("net-period")).getText()).contains("to 2024-04");

    browser.js("const s = document.getElementById('net-time-to'); s.value = s.max; s.dispatchEvent(new Event('input'))");
    new Select(browser.find(By.id("net-strategy"))).selectByValue("betweenness");
    browser.find(By.id("net-disrupt")).click();
    browser.wait(Duration.ofSeconds(30)).until(d -> !browser.all(By.cssSelector("#net-curve svg polyline")).isEmpty());
    String table = browser.find(By.id("net-curve-table")).getText();
    assertThat(table).contains("1.000");
    assertThat(browser.all(By.cssSelector("#net-curve-table tr")).size()).isGreaterThan(3);
    browser.js("document.getElementById('net-disrupt').scrollIntoView({block: 'start'})");
    shot("network-disruption");
  }

  @Test
  void anotherAgencySeesNoneOfItalysUndisclosedNetwork() {
    browser.signIn(DemoAccounts.UK.user(), DemoAccounts.UK.password());
    browser.go("#/network?entity=it-sco-0001");
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#net-status .problem")).isEmpty());
    assertThat(browser.find(By.id("net-status")).getText()).contains("404");
    assertThat(browser.find(By.id("net-nodes")).getText()).doesNotContain("Moneyman", "Lieutenant");
    assertThat(browser.js("return document.body.innerText")).asString().doesNotContain("Nabil", "it-net-m");
  }
}
