package org.mirabella.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirabella.routes.Gazetteer.GeoPoint;
import org.mirabella.routes.MapView.Filter;
import org.mirabella.routes.RouteEvent.Kind;

class MapViewTest {
  private static final GeoPoint ZUWARA = new GeoPoint(32.9312, 12.0820);
  private static final GeoPoint LAMPEDUSA = new GeoPoint(35.5011, 12.6056);

  private static RouteEvent leg(String id, String from, GeoPoint a, String to, GeoPoint b, String date, String price, String agency) {
    return new RouteEvent(id, Kind.JOURNEY, date, from, "ly", to, "it", from, "ly", 1, price == null ? null : new BigDecimal(price),
        price == null ? null : "EUR", "boat", agency, a, b, a);
  }

  private static RouteEvent point(String id, Kind kind, String place, GeoPoint geo, String date, String agency) {
    return new RouteEvent(id, kind, date, null, null, null, null, place, null, 1, null, null, null, agency, null, null, geo);
  }

  @Test
  void noEventsDrawNothing() {
    MapView.Result r = MapView.of(List.of(), Filter.any(), 100);
    assertThat(r.events()).isEmpty();
    assertThat(r.legs()).isEmpty();
    assertThat(r.matched()).isZero();
  }

  @Test
  void legsBetweenTheSamePlacesAreOneFlowWithCountPersonsPricesAndSpan() {
    MapView.Result r = MapView.of(List.of(
        leg("a", "Zuwara", ZUWARA, "Lampedusa", LAMPEDUSA, "2025-07-02", "3000", "IT"),
        leg("b", "ZUWARA", ZUWARA, "Lampedusa", LAMPEDUSA, "2025-08-20", "4000", "DE"),
        leg("c", "Zuwara", ZUWARA, "Lampedusa", LAMPEDUSA, "2025-07", null, "IT"),
        leg("d", "Sfax", new GeoPoint(34.7406, 10.7603), "Lampedusa", LAMPEDUSA, "2025-07-05", "2000", "IT")), Filter.any(), 100);
    assertThat(r.legs()).hasSize(2);
    MapView.Flow top = r.legs().get(0);
    assertThat(top.from().name()).isEqualTo("Zuwara");
    assertThat(top.from().geo()).isEqualTo(ZUWARA);
    assertThat(top.to().geo()).isEqualTo(LAMPEDUSA);
    assertThat(top.count()).isEqualTo(3);
    assertThat(top.persons()).isEqualTo(3);
    assertThat(top.period()).isEqualTo(new MapView.Span("2025-07", "2025-08-20"));
    assertThat(top.prices()).singleElement().satisfies(p -> {
      assertThat(p.currency()).isEqualTo("EUR");
      assertThat(p.paid()).isEqualTo(2);
      assertThat(p.total()).isEqualByComparingTo("7000");
    });
    assertThat(top.routes()).containsExactly("cmed");
  }

  @Test
  void filtersByDatesAgencyKindAndRoute() {
    List<RouteEvent> events = List.of(
        leg("a", "Zuwara", ZUWARA, "Lampedusa", LAMPEDUSA, "2025-07-02", "3000", "IT"),
        leg("b", "Zuwara", ZUWARA, "Lampedusa", LAMPEDUSA, "2025-10-02", "3000", "DE"),
        point("x", Kind.CROSSING, "El Paso", new GeoPoint(31.7619, -106.4850), "2025-07-03", "US"),
        point("y", Kind.INTERCEPTION, "off Lampedusa", LAMPEDUSA, "2025-07-09", "IT"),
        point("z", Kind.ARREST, "Nowhere known", null, "2025-07-10", "IT"));
    MapView.Result q3 = MapView.of(events, new Filter(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), null, null, null), 100);
    assertThat(q3.legs()).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(1));
    assertThat(q3.events()).extracting(MapView.Point::id).containsExactly("y", "x");
    assertThat(q3.matched()).isEqualTo(4);
    assertThat(q3.unplaced()).as("the arrest names no known place").isEqualTo(1);

    assertThat(MapView.of(events, new Filter(null, null, "us", null, null), 100).events()).extracting(MapView.Point::id).containsExactly("x");
    assertThat(MapView.of(events, new Filter(null, null, null, "darien", null), 100).events()).extracting(MapView.Point::id)
        .containsExactly("x");
    MapView.Result cmed = MapView.of(events, new Filter(null, null, null, "Central Mediterranean", null), 100);
    assertThat(cmed.events()).extracting(MapView.Point::id).containsExactly("y");
    assertThat(cmed.legs()).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(2));
    assertThat(MapView.of(events, new Filter(null, null, null, null, Set.of(Kind.CROSSING)), 100).legs()).isEmpty();
    assertThat(MapView.of(events, new Filter(null, null, null, "paso", null), 100).events()).extracting(MapView.Point::id)
        .as("text that is no route's name finds places").containsExactly("x");
  }

  @Test
  void aPartialDateCountsOnlyWhenItLiesWithinTheBounds() {
    assertThat(MapView.within("2025-07", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31))).isTrue();
    assertThat(MapView.within("2025-07", LocalDate.of(2025, 7, 10), LocalDate.of(2025, 7, 31))).isFalse();
    assertThat(MapView.within("2025", null, LocalDate.of(2025, 12, 31))).isTrue();
    assertThat(MapView.within("not a date", LocalDate.of(2025, 1, 1), null)).isFalse();
  }

  @Test
  void pointsAreCutAtTheLimitLatestFirst() {
    List<RouteEvent> events = List.of(point("old", Kind.ARREST, "Agrigento", new GeoPoint(37.3, 13.5), "2024-01-01", "IT"),
        point("new", Kind.ARREST, "Agrigento", new GeoPoint(37.3, 13.5), "2025-01-01", "IT"));
    MapView.Result r = MapView.of(events, Filter.any(), 1);
    assertThat(r.truncated()).isTrue();
    assertThat(r.events()).extracting(MapView.Point::id).containsExactly("new");
  }

  @Test
  void badBoundsAreRefused() {
    assertThatThrownBy(() -> new Filter(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), null, null, null))
        .hasMessageContaining("before");
  }
}
