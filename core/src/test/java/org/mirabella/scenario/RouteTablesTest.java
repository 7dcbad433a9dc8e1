package org.mirabella.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destination agencies record the scenario's routes: journey legs with the coordinates of both
 * ends, entries (by land and by sea landings) at crossing points with coordinates, arrests with a
 * place, so the route view and the map show every route from the agencies' own files.
 */
class RouteTablesTest {
  @TempDir static Path out;
  private static List<Map<String, String>> manifest;

  @BeforeAll
  static void generate() {
    new Generator(1, Scale.parse("demo")).generate(out, ScenarioFiles.factory(), null);
    manifest = ScenarioFiles.csv(out.resolve("manifest.csv"));
  }

  private static List<Map<String, String>> rows(String agency, String table) {
    AgencyProfile p = AgencyProfile.of(agency);
    List<Map<String, String>> all = new ArrayList<>();
    for (Map<String, String> e : manifest) {
      if (e.get("agency").equals(agency) && e.get("file").contains("-" + table + ".")) all.addAll(ScenarioFiles.rows(out, e));
    }
    assertThat(p.has(table)).as(agency + " exports " + table).isTrue();
    return all;
  }

  private static String col(String agency, String field) {
    return Vocabulary.get().label(AgencyProfile.of(agency).labels(), field);
  }

  @Test
  void everyDestinationAgencyWritesLegsWithCoordinatesOfBothEnds() {
    for (String agency : List.of("IT", "DE", "FR", "UK", "US", "JP")) {
      List<Map<String, String>> legs = rows(agency, "journeys");
      assertThat(legs).as(agency + " legs").isNotEmpty();
      for (Map<String, String> r : legs) {
        for (String f : List.of("from", "to", "from_lat", "from_lon", "to_lat", "to_lon", "date", "price", "currency")) {
          assertThat(r.get(col(agency, f))).as(agency + " " + f).isNotBlank();
        }
        double lat = Double.parseDouble(r.get(col(agency, "from_lat")));
        assertThat(lat).isBetween(-90.0, 90.0);
      }
    }
  }

  @Test
  void theLegsCoverEveryRoute() {
    Set<String> places = new TreeSet<>();
    for (AgencyProfile p : AgencyProfile.all()) {
      if (!p.has("journeys")) continue;
      for (Map<String, String> r : rows(p.code(), "journeys")) places.add(r.get(col(p.code(), "from")));
    }
    // Embarkation points of the Central Mediterranean, the Channel, the Darién, and the Balkans' and Japan's starts.
    assertThat(places).containsAnyOf("Zuwara", "Sabratha", "Sfax", "Benghazi");
    assertThat(places).containsAnyOf("Gravelines", "Boulogne-sur-Mer", "Calais");
    assertThat(places).contains("Necoclí");
    assertThat(places).containsAnyOf("Ayvalık", "Ayvalik", "Edirne", "Thessaloniki");
    assertThat(places).containsAnyOf("Hà Nội", "Ha Noi", "Fuzhou", "Kathmandu", "Thành phố Hồ Chí Minh");
  }

  @Test
  void destinationAgenciesRecordEntriesWithCoordinates() {
    for (String agency : List.of("IT", "DE", "FR", "US", "JP")) {
      List<Map<String, String>> entries = rows(agency, "crossings");
      assertThat(entries).as(agency + " entries").isNotEmpty();
      for (Map<String, String> r : entries) {
        assertThat(r.get(col(agency, "point"))).isNotBlank();
        assertThat(r.get(col(agency, "lat"))).isNotBlank();
        assertThat(r.get(col(agency, "lon"))).isNotBlank();
      }
    }
    assertThat(rows("IT", "crossings")).extracting(r -> r.get(col("IT", "point")))
        .as("landings in Italy are registered where the boat landed").contains("Lampedusa");
  }

  @Test
  void arrestsNameWhereTheyHappened() {
    List<Map<String, String>> persons = rows("IT", "persons");
    List<Map<String, String>> arrested = persons.stream().filter(r -> !r.get(col("IT", "arrest_date")).isBlank()).toList();
    assertThat(arrested).isNotEmpty();
    assertThat(arrested).allSatisfy(r -> assertThat(r.get(col("IT", "arrest_place"))).isNotBlank());
  }
}
