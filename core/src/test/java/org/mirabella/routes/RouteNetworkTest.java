package org.mirabella.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;
import org.mirabella.report.Period;
import org.mirabella.routes.RouteNetwork.Hotspot;

class RouteNetworkTest {
  private static final Period Q3 = Period.parse("2025-Q3");

  private static RouteEvent journey(String from, String fc, String to, String tc, String date, long persons, String price, String cur) {
    return new RouteEvent("j", RouteEvent.Kind.JOURNEY, date, from, fc, to, tc, from, fc, persons,
        price == null ? null : new BigDecimal(price), cur, "boat", "IT");
  }

  @Test
  void noEventsNoFlows() {
    RouteNetwork n = new RouteNetwork(List.of());
    assertThat(n.flows(Q3)).isEmpty();
    assertThat(n.hotspots(Q3)).isEmpty();
    assertThat(n.trends(Q3)).isEmpty();
  }

  @Test
  void flowsSumPersonsAndPricesPerLegAndCurrency() {
    RouteNetwork n = new RouteNetwork(List.of(
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-07-02", 1, "3000", "EUR"),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-07-03", 1, "3500", "EUR"),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-08-03", 1, "5000", "EUR"),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-08-04", 1, "4000", "USD"),
        journey("Sfax", "tn", "Lampedusa", "it", "2025-09-01", 1, null, null),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025", 1, "1", "EUR")));
    List<RouteNetwork.Flow> flows = n.flows(Q3);
    assertThat(flows).hasSize(2);
    RouteNetwork.Flow top = flows.get(0);
    assertThat(top.leg().label()).isEqualTo("Zuwara → Lampedusa");
    assertThat(top.persons()).isEqualTo(4);
    RouteNetwork.Prices eur = top.prices().get(0);
    assertThat(eur.currency()).isEqualTo("EUR");
    assertThat(eur.paid()).isEqualTo(3);
    assertThat(eur.median()).isEqualByComparingTo("3500");
    assertThat(eur.min()).isEqualByComparingTo("3000");
    assertThat(top.prices().get(1).currency()).isEqualTo("USD");
    assertThat(n.undatable(Q3)).isEqualTo(1);
  }

  @Test
  void trendsCompareWithThePreviousPeriod() {
    RouteNetwork n = new RouteNetwork(List.of(
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-05-02", 10, null, null),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-08-02", 4, null, null),
        journey("Sfax", "tn", "Lampedusa", "it", "2025-08-02", 6, null, null)));
    var trends = n.trends(Q3);
    assertThat(trends).extracting(t -> t.leg().label()).containsExactly("LY → IT", "TN → IT");
    assertThat(trends.get(0).previousPersons()).isEqualTo(10);
    assertThat(trends.get(0).change()).isEqualTo(-6);
    assertThat(trends.get(0).changePercent()).isEqualTo(-60.0);
    assertThat(trends.get(1).changePercent()).isNull();
  }

  @Test
  void entitiesBecomeEventsAndHotspots() {
    Model m = Model.get();
    Provenance p = Provenance.of("IT", "IT-1");
    Entity leg = new Entity("leg1", m.require("SmugglingService"), "IT", "IT-1", null, null);
    leg.add("client", "c1", p);
    leg.add("fromPlace", "Zuwara", p);
    leg.add("fromCountry", "ly", p);
    leg.add("toPlace", "Lampedusa", p);
    leg.add("toCountry", "it", p);
    leg.add("date", "2025-07-14", p);
    leg.add("mode", "Boat", p);
    leg.add("price", "3500", p);
    leg.add("currency", "EUR", p);
    Entity house = new Entity("h1", m.require("Address"), "IT", "IT-1", null, null);
    house.add("city", "Sabratha", p);
    house.add("country", "ly", p);
    Entity stay = new Entity("s1", m.require("SafeHouseUse"), "IT", "IT-1", null, null);
    stay.add("person", "c1", p);
    stay.add("safeHouse", "h1", p);
    stay.add("startDate", "2025-07-10", p);
    Entity crossing = new Entity("x1", m.require("BorderCrossing"), "IT", "IT-1", null, null);
    crossing.add("crossingPoint", "Kapitan Andreevo", p);
    crossing.add("fromCountry", "tr", p);
    crossing.add("crossingPointCountry", "bg", p);
    crossing.add("date", "2025-08-01", p);
    Map<String, Entity> byId = Map.of("h1", house);
    List<RouteEvent> events = RouteEvents.of(new ArrayList<>(List.of(leg, house, stay, crossing)), byId::get);
    assertThat(events).hasSize(3);
    RouteNetwork n = new RouteNetwork(events);
    assertThat(n.hotspots(Q3)).extracting(Hotspot::kind, Hotspot::place).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Hotspot.Kind.EMBARKATION_POINT, "Zuwara"),
        org.assertj.core.groups.Tuple.tuple(Hotspot.Kind.CROSSING_POINT, "Kapitan Andreevo"),
        org.assertj.core.groups.Tuple.tuple(Hotspot.Kind.SAFE_HOUSE_TOWN, "Sabratha"));
    assertThat(n.countryFlows(Q3)).extracting(f -> f.leg().label()).containsExactlyInAnyOrder("LY → IT", "TR → BG");
    assertThat(n.monthly(Q3).get(java.time.YearMonth.of(2025, 7))).containsEntry(RouteEvent.Kind.JOURNEY, 1L);
  }

  @Test
  void quarterlyPersonsPerRouteShowChangeOverTime() {
    RouteNetwork n = new RouteNetwork(List.of(
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-05-02", 2, null, null),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025-07-02", 1, null, null),
        journey("Sfax", "tn", "Lampedusa", "it", "2025-08", 3, null, null),
        journey("Calais", "fr", "Dover", "gb", "2025-08-01", 5, null, null),
        journey("Atlantis", "xx", "Lemuria", "yy", "2025-08-01", 1, null, null),
        journey("Zuwara", "ly", "Lampedusa", "it", "2025", 9, null, null)));
    assertThat(n.quarterly()).isEqualTo(Map.of(
        "2025-Q2", Map.of("cmed", 2L),
        "2025-Q3", Map.of("cmed", 4L, "channel", 5L, "other", 1L)));
    assertThat(n.quarterly().keySet()).containsExactly("2025-Q2", "2025-Q3");
  }
}
