package org.mirabella.report;

import java.util.List;

/** Tables as CSV (RFC 4180: comma, CRLF, quotes doubled), cells as every output shows them. */
public final class Csv {
  private Csv() {}

  public static String of(Table t) {
    StringBuilder sb = new StringBuilder();
    line(sb, t.columns().stream().map(Table.Column::name).toList());
    for (List<Object> r : t.rows()) line(sb, r.stream().map(Table::display).toList());
    if (t.totals() != null) line(sb, t.totals().stream().map(Table::display).toList());
    return sb.toString();
  }

  public static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(quote(cells.get(i)));
    }
    sb.append("\r\n");
  }

  public static String quote(String v) {
    if (v == null) return "";
    // A leading =, +, - or @ makes a formula in a spreadsheet: prefix it so it stays text. A signed
    // number (a phone number in E.164, a negative change) is left as it is.
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-][0-9][0-9 .,%]*")) v = "'" + v;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) return '"' + v.replace("\"", "\"\"") + '"';
    return v;
  }

  /** Splits one CSV line (quotes honoured; a value spanning lines is not supported by this reader). */
  public static List<String> split(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (q) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          q = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        q = true;
      } else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
