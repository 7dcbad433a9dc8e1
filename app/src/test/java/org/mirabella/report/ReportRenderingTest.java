package org.mirabella.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.actions.DemoStore;
import org.mirabella.actions.Viewer;
import org.mirabella.store.Database;

/** The demo's 2025-Q3 report, built over a real H2 store and rendered to HTML, PDF, PNG and CSV. */
class ReportRenderingTest {
  private static Database db;

  @BeforeAll
  static void load() {
    db = DemoStore.withDemo();
    // Two matching hits between units in the period, one outside it (the matching engine's table).
    db.jdbi().useHandle(h -> {
      String sql = "INSERT INTO hit(ref, left_entity, left_agency, right_entity, right_agency, score, band, matched_kinds, algorithm, "
          + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0.97, 'HIGH', 'phone', 'v1', ?, ?)";
      Object[][] rows = {{"HIT-A", "it-sco-0001", "IT", "uk-nca-5521", "UK", "2025-08-02T10:00:00Z"},
          {"HIT-B", "it-sco-0001", "IT", "de-bka-7781", "DE", "2025-09-02T10:00:00Z"},
          {"HIT-C", "ly-aiia-0042", "LY", "uk-nca-5521", "UK", "2025-02-02T10:00:00Z"}};
      for (Object[] r : rows) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse((String) r[5]);
        h.execute(sql, r[0], r[1], r[2], r[3], r[4], at, at);
      }
    });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void coordinationReportCountsTheDemoOutcomesOnce() {
    Report r = ReportCommand.builder(db).build(Period.parse("2025-Q3"), Viewer.COORDINATION);
    Table ops = r.table("joint-actions");
    assertThat(ops.rows()).extracting(row -> row.get(0)).containsExactly("JAD Darién Gap 2025", "JAD Mare Nostrum 2025");
    // Mare Nostrum: it-sco-0001 reported by IT and EMSC counts once: 1 + 2 named + 5 + 4 + 3 + 2 unnamed = 17.
    assertThat(ops.rows().get(1).get(6)).isEqualTo(17L);
    // Darién: us-demo-fac-1 reported by CO and US: 1 + 6 + 4 + 7 = 18.
    assertThat(ops.rows().get(0).get(6)).isEqualTo(18L);
    assertThat(ops.totals().get(6)).isEqualTo(35L);
    assertThat(r.table("summary").rows()).anyMatch(row -> row.get(0).equals("Field-check hits between units") && ((Long) row.get(1)) >= 1);
    assertThat(r.table("summary").rows()).anyMatch(row -> row.get(0).equals("Matching hits between units") && row.get(1).equals(2L));
    Report uk = ReportCommand.builder(db).build(Period.parse("2025-Q3"), Viewer.of("UK"));
    assertThat(uk.table("summary").rows()).anyMatch(row -> row.get(0).equals("Matching hits between units") && row.get(1).equals(1L));
    assertThat(r.table("route-legs").rows()).isNotEmpty();
    assertThat(r.table("hotspots").rows()).anyMatch(row -> row.get(1).equals("Zuwara"));
    // it-sco-0001 (organiser) and two of the Zuwara network's facilitators were arrested; one Necoclí organiser.
    assertThat(r.table("networks-disrupted").rows()).extracting(row -> row.get(0), row -> row.get(2)).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("Zuwara boat network", 3L), org.assertj.core.groups.Tuple.tuple("Necoclí boat service", 1L));
  }

  @Test
  void aPartnerSeesOnlyItsOwnPart() {
    Report ly = ReportCommand.builder(db).build(Period.parse("2025-Q3"), Viewer.of("LY"));
    assertThat(ly.table("joint-actions").rows()).extracting(row -> row.get(0)).containsExactly("JAD Mare Nostrum 2025");
    assertThat(ly.table("route-legs").rows()).extracting(row -> row.get(0)).containsExactly("Tobruk → Crete");
    assertThat(ly.table("networks-disrupted").rows()).isEmpty();
  }

  @Test
  void rendersHtmlWithTheTablesAndAPdfWithPages(@TempDir Path dir) throws Exception {
    Report r = ReportCommand.builder(db).build(Period.parse("2025-Q3"), Viewer.COORDINATION).published(Suppression.DEFAULT);
    ReportFiles.Written w = ReportFiles.write(r, dir);
    String html = Files.readString(w.html());
    for (Table t : r.tables()) assertThat(html).contains("<table id=\"" + t.id() + "\"");
    assertThat(html).contains("JAD Mare Nostrum 2025").contains("&lt;5").contains("charts/outcomes-by-operation.png");
    assertThat(w.charts()).isNotEmpty().allSatisfy(p -> assertThat(Files.size(p)).isGreaterThan(1000));
    assertThat(w.csv()).hasSize(r.tables().size());
    assertThat(Files.readString(dir.resolve("csv/joint-actions.csv"))).startsWith("Operation,Dates,Lead,");
    try (PDDocument pdf = PDDocument.load(w.pdf().toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Mare Nostrum").contains("Routes and flows").contains("Joint action days and their outcomes");
      // every page rendered as an image shows something, and the pages with charts carry colour (the bars)
      org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
      int colourful = 0;
      for (int page = 0; page < pdf.getNumberOfPages(); page++) {
        java.awt.image.BufferedImage img = renderer.renderImageWithDPI(page, 40);
        long ink = 0;
        long colour = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
          for (int x = 0; x < img.getWidth(); x += 2) {
            int rgb = img.getRGB(x, y);
            int red = (rgb >> 16) & 0xff, green = (rgb >> 8) & 0xff, blue = rgb & 0xff;
            if (red + green + blue < 600) ink++;
            if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 80) colour++;
          }
        }
        assertThat(ink).as("page %d is not blank", page + 1).isGreaterThan(100);
        if (colour > 500) colourful++;
      }
      assertThat(colourful).as("pages whose charts were drawn in colour").isGreaterThanOrEqualTo(2);
    }
  }
}
