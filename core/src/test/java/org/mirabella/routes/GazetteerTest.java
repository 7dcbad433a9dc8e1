package org.mirabella.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer g = Gazetteer.get();

  @Test
  void findsTheScenariosPlacesWhateverTheCaseAndAccents() {
    assertThat(g.find("München").geo().lat()).isEqualTo(48.1351);
    assertThat(g.find("MUNCHEN")).isEqualTo(g.find("München"));
    assertThat(g.find("Munich")).as("alias").isEqualTo(g.find("München"));
    assertThat(g.find("Istanbul")).isEqualTo(g.find("İstanbul"));
    assertThat(g.find("Lampedusa").routes()).containsExactly("cmed");
  }

  @Test
  void findsThePlaceALongerTextNames() {
    assertThat(g.find("off Lampedusa")).isEqualTo(g.find("Lampedusa"));
    assertThat(g.find("Interception south of Lampedusa")).isEqualTo(g.find("Lampedusa"));
    assertThat(g.find("Folkestone").country()).isEqualTo("gb");
  }

  @Test
  void unknownOrEmptyNamesFindNothing() {
    assertThat(g.find(null)).isNull();
    assertThat(g.find(" ")).isNull();
    assertThat(g.find("Atlantis")).isNull();
  }

  @Test
  void routesAreKnownByIdOrName() {
    assertThat(g.routeId("CMED")).isEqualTo("cmed");
    assertThat(g.routeId("the channel")).isEqualTo("channel");
    assertThat(g.routeId("Western Mediterranean")).isEqualTo("wmed");
    assertThat(g.routeId("nowhere")).isNull();
  }

  @Test
  void coordinatesOutOfRangeAreNoPoint() {
    assertThat(Gazetteer.GeoPoint.parse("91,10")).isNull();
    assertThat(Gazetteer.GeoPoint.parse("abc")).isNull();
    assertThat(Gazetteer.GeoPoint.parse("35.5, 12.6")).isEqualTo(new Gazetteer.GeoPoint(35.5, 12.6));
  }
}
