package org.mirabella.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a published report into a folder: {@code report.html}, {@code report.pdf}, the charts as
 * {@code charts/ID.png} and every table as {@code csv/ID.csv}.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** What was written. */
  public record Written(Path html, Path pdf, List<Path> charts, List<Path> csv) {}

  public static Written write(Report published, Path dir) {
    try {
      Files.createDirectories(dir.resolve("charts"));
      Files.createDirectories(dir.resolve("csv"));
      Map<String, String> refs = new LinkedHashMap<>();
      List<Path> charts = new ArrayList<>();
      for (Report.Section s : published.sections()) {
        for (Report.Chart c : s.charts()) {
          byte[] png = Charts.png(published, c);
          if (png == null) continue;
          Path p = dir.resolve("charts").resolve(c.id() + ".png");
          Files.write(p, png);
          charts.add(p);
          refs.put(c.id(), "charts/" + c.id() + ".png");
        }
      }
      List<Path> csv = new ArrayList<>();
      for (Table t : published.tables()) {
        Path p = dir.resolve("csv").resolve(t.id() + ".csv");
        Files.writeString(p, Csv.of(t), StandardCharsets.UTF_8);
        csv.add(p);
      }
      String xhtml = HtmlReport.render(published, HtmlReport.refs(refs));
      Path html = dir.resolve("report.html");
      Files.writeString(html, xhtml, StandardCharsets.UTF_8);
      Path pdf = dir.resolve("report.pdf");
      try (OutputStream out = Files.newOutputStream(pdf)) {
        PdfReport.write(xhtml, dir, out);
      }
      return new Written(html, pdf, charts, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
