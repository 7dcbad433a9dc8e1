package org.mirabella.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mirabella.report.Table.Column;

class SuppressionTest {
  private static Table table() {
    return Table.builder("arrests", "Arrests by agency")
        .columns(Column.text("Agency"), Column.count("Arrests"), Column.count("Victims"))
        .row("IT", 12L, 0L)
        .row("FR", 3L, 7L)
        .row("DE", 9L, 8L)
        .totals("Total", 24L, 15L)
        .build();
  }

  @Test
  void emptyTableIsUnchanged() {
    Table t = Table.builder("none", "Nothing").columns(Column.count("n")).build();
    assertThat(Suppression.DEFAULT.apply(t)).isEqualTo(t);
  }

  @Test
  void smallCountsAreShownAsBelowTheThresholdAndZeroAndLargeCountsStay() {
    Table p = Suppression.DEFAULT.apply(table());
    assertThat(Table.display(p.rows().get(1).get(1))).isEqualTo("<5");
    assertThat(Table.display(p.rows().get(0).get(2))).isEqualTo("0");
    assertThat(Table.display(p.rows().get(2).get(2))).isEqualTo("8");
    assertThat(p.notes()).anyMatch(n -> n.contains("<5"));
  }

  @Test
  void aSingleWithheldCellIsProtectedFromBeingWorkedOutFromTheTotal() {
    Table p = Suppression.DEFAULT.apply(table());
    // FR's 3 arrests could be worked out as 24 - 12 - 9: the next smallest (DE's 9) is withheld too.
    assertThat(Table.display(p.rows().get(2).get(1))).isEqualTo("x");
    assertThat(Table.display(p.rows().get(0).get(1))).isEqualTo("12");
    assertThat(Table.display(p.totals().get(1))).isEqualTo("24");
  }

  @Test
  void thresholdIsConfigurableAndZeroPublishesEverything() {
    assertThat(Table.display(new Suppression(10).apply(table()).rows().get(2).get(2))).isEqualTo("<10");
    assertThat(Suppression.NONE.apply(table())).isEqualTo(table());
  }

  @Test
  void aValueWorkedOutFromAWithheldCountIsWithheldToo() {
    Table t = Table.builder("trend", "Routes").columns(Column.text("Route"), Column.count("Now"), Column.count("Before"),
            Column.derived("Change", "Now", "Before"))
        .row("LY → GR", 7L, 3L, "+133%")
        .row("LY → IT", 19L, 12L, "+58%")
        .build();
    Table p = Suppression.DEFAULT.apply(t);
    assertThat(Table.display(p.rows().get(0).get(3))).isEqualTo("x");
    assertThat(Table.display(p.rows().get(1).get(3))).isEqualTo("+58%");
  }

  @Test
  void csvCarriesTheSuppressedCells() {
    String csv = Csv.of(Suppression.DEFAULT.apply(table()));
    assertThat(csv).startsWith("Agency,Arrests,Victims\r\n").contains("FR,<5,7\r\n").contains("Total,24,15\r\n");
  }
}
