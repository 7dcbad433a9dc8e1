package org.mirabella.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.EntityStore;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The network screen's role controls in a real browser: the Italian analyst colours the ring of
 * {@link NetworkJourneyTest} by role, sizes it by brokerage, and simulates arresting every money
 * handler, then every organiser. A British record naming a lookout in the same ring is not
 * disclosed to Italy: its role shows nowhere and removing lookouts removes no one.
 */
class NetworkRolesJourneyTest {
  private static WebTestServer server;
  private static Browser browser;
  private static final String CASE = "IT-SCO-2024-117";

  @BeforeAll
  static void start() {
    server = new WebTestServer();
    EntityStore store = new EntityStore(server.db, Model.get());
    NetworkJourneyTest.addSmugglingRing(store);
    store.write(List.of(
        record("it-net-org", "Organization", "IT", CASE, "name", "Lampedusa cell"),
        record("it-net-role-m", "NetworkRole", "IT", CASE, "person", "it-net-m", "role", "money handler", "network", "it-net-org"),
        record("it-net-role-l1", "NetworkRole", "IT", CASE, "person", "it-net-l1", "role", "organiser", "network", "it-net-org"),
        record("it-net-role-l2", "NetworkRole", "IT", CASE, "person", "it-net-l2", "role", "organiser", "network", "it-net-org"),
        // the British unit's own record, not disclosed to Italy
        record("uk-net-role-r1", "NetworkRole", "UK", "UK-NCA-OIC-884", "person", "it-net-r1", "role", "lookout")));
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

  private static Entity record(String id, String schema, String agency, String caseRef, String... props) {
    Entity e = new Entity(id, Model.get().require(schema), agency, caseRef, SubjectCategory.OTHER, LocalDate.now().plusYears(1));
    for (int i = 0; i + 1 < props.length; i += 2) e.add(props[i], props[i + 1], Provenance.of(agency, caseRef));
    return e;
  }

  /** The curve table's text, its clipped columns (efficiency, record removed) included. */
  private String curveTable() {
    return String.valueOf(browser.js("return document.getElementById('net-curve-table').textContent"));
  }

  /** Chooses the role strategy for {@code role}, ranked by degree, and runs the simulation. */
  private void disruptByRole(String role) {
    new Select(browser.find(By.id("net-strategy"))).selectByValue("role");
    assertThat(browser.find(By.id("net-role-fields")).isDisplayed()).isTrue();
    new Select(browser.find(By.id("net-role"))).selectByValue(role);
    new Select(browser.find(By.id("net-order"))).selectByValue("degree");
    browser.js("document.getElementById('net-curve').replaceChildren()");
    browser.find(By.id("net-disrupt")).click();
    browser.wait(Duration.ofSeconds(30)).until(d -> !browser.find(By.id("net-curve")).getText().isBlank());
  }

  @Test
  void anAnalystColoursByRoleSizesByBrokerageAndRemovesARole() {
    browser.signIn(DemoAccounts.IT.user(), DemoAccounts.IT.password());
    browser.go("#/network?entity=it-sco-0001");
    new Select(browser.waitFor(By.id("net-hops"))).selectByValue("3");
    browser.find(By.cssSelector("#net-start-form button[type=submit]")).click();
    browser.wait(Duration.ofSeconds(20)).until(d -> browser.all(By.cssSelector("#net-nodes li")).size() >= 11);
    assertThat(browser.find(By.id("net-nodes")).getText()).contains("Nabil Moneyman", "Lampedusa cell");

    // Colour by role: the legend lists the roles Italy's own records give.
    new Select(browser.find(By.id("net-colour"))).selectByValue("role");
    browser.wait(Duration.ofSeconds(15)).until(d -> browser.find(By.id("net-legend")).getText().contains("rganiser"));
    String legend = browser.find(By.id("net-legend")).getText();
    // By their names, not their codes.
    assertThat(legend).contains("Money handler / hawaladar", "Organiser").doesNotContain("moneyHandler", "Lookout");
    Object moneyColour = browser.js("return window.document.querySelectorAll('#net-legend div').length");
    assertThat(((Number) moneyColour).intValue()).isGreaterThanOrEqualTo(3); // two roles and the nodes without one

    // Size by brokerage: the lieutenants broker between the recruiters and the money handler.
    new Select(browser.find(By.id("net-size"))).selectByValue("brokerage");
    browser.wait(Duration.ofSeconds(15)).until(d -> !browser.all(By.cssSelector("#net-key-players li")).isEmpty());
    assertThat(browser.find(By.id("net-key-players")).getText()).contains("Lieutenant");

    // Arrest every money handler: one step, naming him.
    disruptByRole("moneyHandler");
    assertThat(browser.all(By.cssSelector("#net-curve svg polyline"))).isNotEmpty();
    assertThat(browser.all(By.cssSelector("#net-curve-table tr"))).hasSize(3); // header, before, after
    assertThat(curveTable()).contains("1.000", "Nabil Moneyman").doesNotContain("Lieutenant");

    // Every organiser: both lieutenants, the recruiters' cells fall apart.
    disruptByRole("organiser");
    assertThat(browser.all(By.cssSelector("#net-curve-table tr"))).hasSize(4);
    assertThat(curveTable()).contains("Karim Lieutenant", "Samir Lieutenant").doesNotContain("Moneyman");

    // The lookout exists only in the British record, which Italy may not see: nothing to remove.
    disruptByRole("lookout");
    assertThat(browser.all(By.cssSelector("#net-curve-table tr"))).hasSize(2); // header, before: no one removed
    assertThat(curveTable()).contains("1.000").doesNotContain("Recruiter");
    assertThat(browser.js("return document.body.innerText")).asString().doesNotContain("uk-net-role");
  }
}
