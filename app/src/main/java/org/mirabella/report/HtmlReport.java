package org.mirabella.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A report as one XHTML document: the same markup is the HTML report and, through openhtmltopdf,
 * the PDF. Charts are images named by {@code imageRef} (a file next to the HTML, or a data URI).
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(Report r, Function<Report.Chart, String> imageRef) {
    StringBuilder sb = new StringBuilder(32_000);
    sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>").append(esc(r.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<header><p class=\"marking\">LAW-ENFORCEMENT USE ONLY — aggregate figures</p><h1>").append(esc(r.title())).append("</h1>\n");
    sb.append("<p class=\"meta\">For: ").append(esc(r.audience())).append(" · Period: ").append(esc(r.period().label())).append(" (")
        .append(r.period().start()).append(" to ").append(r.period().end()).append(") · Generated ")
        .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(r.generatedAt().atOffset(ZoneOffset.UTC))).append("</p>\n");
    if (!r.notes().isEmpty()) {
      sb.append("<ul class=\"notes\">");
      for (String n : r.notes()) sb.append("<li>").append(esc(n)).append("</li>");
      sb.append("</ul>\n");
    }
    sb.append("</header>\n");
    for (Report.Section s : r.sections()) {
      sb.append("<section>\n<h2>").append(esc(s.title())).append("</h2>\n");
      if (s.text() != null) sb.append("<p>").append(esc(s.text())).append("</p>\n");
      for (Report.Chart c : s.charts()) {
        String ref = imageRef.apply(c);
        if (ref != null) {
          sb.append("<figure><img src=\"").append(esc(ref)).append("\" alt=\"").append(esc(c.title())).append("\"/></figure>\n");
        }
      }
      for (Table t : s.tables()) table(sb, t);
      sb.append("</section>\n");
    }
    sb.append("<footer><p>Mirabella. HTCDS field names: Human Trafficking Case Data Standard by IOM (CC BY 4.0).</p></footer>\n");
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, Table t) {
    sb.append("<table id=\"").append(esc(t.id())).append("\"").append(t.columns().size() > 7 ? " class=\"wide\"" : "")
        .append(">\n<caption>").append(esc(t.title())).append("</caption>\n<thead><tr>");
    for (Table.Column c : t.columns()) sb.append("<th class=\"").append(cls(c)).append("\">").append(esc(c.name())).append("</th>");
    sb.append("</tr></thead>\n<tbody>\n");
    if (t.rows().isEmpty()) {
      sb.append("<tr><td class=\"empty\" colspan=\"").append(t.columns().size()).append("\">Nothing in this period.</td></tr>\n");
    }
    for (List<Object> row : t.rows()) cells(sb, t, row, "td");
    sb.append("</tbody>\n");
    if (t.totals() != null) {
      sb.append("<tfoot>");
      cells(sb, t, t.totals(), "td");
      sb.append("</tfoot>\n");
    }
    sb.append("</table>\n");
    for (String n : t.notes()) sb.append("<p class=\"tnote\">").append(esc(n)).append("</p>\n");
  }

  private static void cells(StringBuilder sb, Table t, List<Object> row, String tag) {
    sb.append("<tr>");
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      String c = cls(t.columns().get(i)) + (v instanceof Table.Withheld ? " withheld" : "");
      sb.append('<').append(tag).append(" class=\"").append(c).append("\">").append(esc(Table.display(v))).append("</").append(tag).append('>');
    }
    sb.append("</tr>\n");
  }

  private static String cls(Table.Column c) {
    return c.kind() == Table.Kind.TEXT ? "t" : "n";
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t') sb.append(' ');
          else sb.append(ch);
        }
      }
    }
    return sb.toString();
  }

  /** Page and print layout shared by the HTML and the PDF. */
  static final String CSS = String.join("\n", List.of(
      "@page { size: A4; margin: 16mm 14mm 18mm 14mm; @bottom-center { content: \"Mirabella · page \" counter(page) \" of \" counter(pages); font-family: 'DejaVu Sans', Helvetica, sans-serif; font-size: 7.5pt; color: #555; } }",
      "body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 9.5pt; color: #1a1a1a; max-width: 1100px; margin: 0 auto; }",
      "h1 { font-size: 18pt; color: #1f4e79; margin: 4px 0; }",
      "h2 { font-size: 13pt; color: #1f4e79; border-bottom: 1px solid #1f4e79; padding-bottom: 2px; margin-top: 18px; }",
      ".marking { font-size: 8pt; font-weight: bold; color: #a00; letter-spacing: 1px; margin: 0; }",
      ".meta { color: #444; margin: 2px 0 8px 0; }",
      ".notes { color: #444; font-size: 8.5pt; }",
      "table { border-collapse: collapse; width: 100%; margin: 8px 0 4px 0; page-break-inside: auto; font-size: 8.5pt; }",
      "table.wide { font-size: 7pt; }",
      "table.wide th, table.wide td { padding: 2px 3px; }",
      "caption { text-align: left; font-weight: bold; padding: 4px 0; }",
      "th, td { border-bottom: 1px solid #d0d7de; padding: 3px 5px; vertical-align: top; }",
      "tr { page-break-inside: avoid; }",
      "thead th { background: #eef3f8; border-bottom: 2px solid #1f4e79; }",
      "tfoot td { font-weight: bold; border-top: 2px solid #1f4e79; }",
      ".n { text-align: right; white-space: nowrap; }",
      "th.n { white-space: normal; }",
      ".t { text-align: left; }",
      ".withheld { color: #a00; }",
      ".empty { color: #777; font-style: italic; }",
      ".tnote { font-size: 8pt; color: #555; margin: 0 0 6px 0; }",
      "figure { margin: 6px 0; page-break-inside: avoid; }",
      "img { width: 100%; }",
      "footer { margin-top: 20px; font-size: 8pt; color: #666; }"));

  /** For tests: a map from chart id to image reference. */
  public static Function<Report.Chart, String> refs(Map<String, String> byId) {
    return c -> byId.get(c.id());
  }
}
