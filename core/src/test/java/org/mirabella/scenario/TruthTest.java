package org.mirabella.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.model.types.Types;

/** The ground truth is consistent, and each agency's share and noise are as its profile says. */
class TruthTest {
  @TempDir static Path out;
  static List<Map<String, String>> persons;
  static List<Map<String, String>> records;
  static Map<String, Map<String, String>> byCluster = new HashMap<>();

  @BeforeAll
  static void generate() {
    new Generator(11, Scale.parse("10k")).generate(out, ScenarioFiles.factory(), null);
    persons = ScenarioFiles.csv(out.resolve("truth/persons.csv"));
    records = ScenarioFiles.csv(out.resolve("truth/records.csv"));
    persons.forEach(p -> byCluster.put(p.get("cluster"), p));
  }

  @Test
  void everyIdentifyingCellIsInExactlyOneCluster() {
    Set<String> cells = new HashSet<>();
    for (Map<String, String> r : records) {
      assertThat(cells.add(r.get("file") + "|" + r.get("row") + "|" + r.get("column"))).as("cell listed once: " + r).isTrue();
      assertThat(r.get("cluster")).isNotBlank();
      if (r.get("kind").equals("person")) assertThat(byCluster).containsKey(r.get("cluster"));
    }
    for (Map<String, String> entry : ScenarioFiles.csv(out.resolve("manifest.csv"))) {
      AgencyProfile p = AgencyProfile.of(entry.get("agency"));
      String table = entry.get("file").replaceAll(".*/" + p.prefix() + "-", "").replaceAll("\\..*", "");
      String idColumn = Tables.header(table, p).get(0);
      long rows = Long.parseLong(entry.get("rows"));
      long withId = records.stream().filter(r -> r.get("file").equals(entry.get("file")) && r.get("column").equals(idColumn)).count();
      assertThat(withId).as("every row of " + entry.get("file") + " has its record cluster").isEqualTo(rows);
    }
  }

  @Test
  void rolesAreThoseOfRolesYaml() {
    for (Map<String, String> p : persons) {
      if (p.get("kind").equals("member")) assertThat(Types.NETWORK_ROLE.clean(p.get("role")).isValid()).as(p.get("role")).isTrue();
      else assertThat(p.get("role")).isEmpty();
      if (!p.get("forced_role").isEmpty()) assertThat(p.get("kind")).isEqualTo("victim");
    }
  }

  @Test
  void keyPlayersAreMembersOfTheirNetworkAndFragmentItMost() {
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (Map<String, String> p : persons) if (p.get("kind").equals("member")) members.computeIfAbsent(p.get("network"), k -> new ArrayList<>()).add(p.get("cluster"));
    Map<String, List<String[]>> ties = new HashMap<>();
    for (Map<String, String> t : ScenarioFiles.csv(out.resolve("truth/ties.csv"))) {
      ties.computeIfAbsent(t.get("network"), k -> new ArrayList<>()).add(new String[] {t.get("person"), t.get("other")});
    }
    for (Map<String, String> n : ScenarioFiles.csv(out.resolve("truth/networks.csv"))) {
      List<String> keys = List.of(n.get("key_players").split(";"));
      assertThat(keys).hasSize(3);
      assertThat(members.get(n.get("network"))).containsAll(keys);
      var again = KeyPlayers.find(members.get(n.get("network")), ties.get(n.get("network")), 3, s -> s);
      assertThat(again.stream().map(KeyPlayers.Removal::person).toList()).isEqualTo(keys);
      int all = members.get(n.get("network")).size();
      assertThat(again.get(0).largestComponent()).isLessThan(all - 1);
    }
  }

  @Test
  void eachAgencyHoldsItsShareOfTheNetworksOnItsRoutes() {
    Map<String, Set<String>> held = new HashMap<>();
    for (Map<String, String> r : records) {
      if (!r.get("kind").equals("person") || !r.get("file").endsWith(personsFile(r.get("file")))) continue;
      held.computeIfAbsent(r.get("file").split("/")[1], k -> new HashSet<>()).add(r.get("cluster"));
    }
    for (AgencyProfile p : AgencyProfile.all()) {
      if (p.organisersOnly() || p.has("interceptions")) continue;
      long members = persons.stream().filter(x -> x.get("kind").equals("member") && p.routes().contains(x.get("route"))).count();
      long clients = persons.stream().filter(x -> x.get("kind").equals("client") && p.routes().contains(x.get("route"))).count();
      Set<String> h = held.getOrDefault(p.code(), Set.of());
      double m = h.stream().filter(c -> byCluster.get(c).get("kind").equals("member")).count() / (double) members;
      double c = h.stream().filter(x -> byCluster.get(x).get("kind").equals("client")).count() / (double) clients;
      assertThat(m).as(p.code() + " members held").isCloseTo(p.share().members(), org.assertj.core.data.Offset.offset(tolerance(p.share().members(), members)));
      assertThat(c).as(p.code() + " clients held").isCloseTo(p.share().clients(), org.assertj.core.data.Offset.offset(tolerance(p.share().clients(), clients)));
    }
  }

  @Test
  void eachAgencysNoiseIsAsItsProfileSays() {
    Map<String, int[]> counts = new HashMap<>();
    for (Map<String, String> r : records) {
      if (!r.get("note").startsWith("category=") || r.get("file").contains("crossings")) continue;
      String agency = r.get("file").split("/")[1];
      int[] c = counts.computeIfAbsent(agency, k -> new int[5]);
      String note = r.get("note");
      c[0]++;
      if (note.contains("typo")) c[1]++;
      if (note.contains("swap")) c[2]++;
      if (note.contains("dob:missing")) c[3]++;
      if (note.contains("dob:partial")) c[4]++;
    }
    for (AgencyProfile p : AgencyProfile.all()) {
      int[] c = counts.get(p.code());
      if (c == null || c[0] < 200) continue;
      AgencyProfile.Noise n = p.noise();
      assertThat(c[2] / (double) c[0]).as(p.code() + " swapped names").isCloseTo(n.swap(), org.assertj.core.data.Offset.offset(tolerance(n.swap(), c[0])));
      assertThat(c[3] / (double) c[0]).as(p.code() + " missing birth dates").isCloseTo(n.dobMissing(), org.assertj.core.data.Offset.offset(tolerance(n.dobMissing(), c[0])));
      assertThat(c[4] / (double) c[0]).as(p.code() + " partial birth dates").isCloseTo(n.dobPartial(), org.assertj.core.data.Offset.offset(tolerance(n.dobPartial(), c[0])));
      assertThat(c[1] / (double) c[0]).as(p.code() + " typos").isLessThanOrEqualTo(n.typo() + tolerance(n.typo(), c[0]));
    }
  }

  @Test
  void someAgenciesHoldAsSuspectsTheVictimsOthersHoldAsVictims() {
    Map<String, Set<String>> categories = new HashMap<>();
    for (Map<String, String> r : records) {
      if (!r.get("note").startsWith("category=")) continue;
      if (!byCluster.get(r.get("cluster")).get("kind").equals("victim")) continue;
      categories.computeIfAbsent(r.get("cluster"), k -> new HashSet<>()).add(r.get("note").replaceAll("category=([a-z]+).*", "$1"));
    }
    assertThat(categories.values()).anySatisfy(c -> assertThat(c).contains("suspect", "victim"));
  }

  private static String personsFile(String file) {
    return file.replaceAll(".*/", "").replaceAll("-[a-z]+\\.[a-z]+$", "") + "-persons." + file.replaceAll(".*\\.", "");
  }

  /** Four standard deviations of a share measured on n draws, at least one point. */
  private static double tolerance(double p, long n) {
    return Math.max(0.01, 4 * Math.sqrt(p * (1 - p) / Math.max(1, n)));
  }
}
