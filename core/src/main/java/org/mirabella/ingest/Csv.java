package org.mirabella.ingest;

/** Writing CSV fields, quoted where they need it. */
public final class Csv {
  private Csv() {}

  public static String join(String[] cells, char delimiter, char quote) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sb.append(delimiter);
      field(sb, cells[i], delimiter, quote);
    }
    return sb.toString();
  }

  public static String join(Iterable<String> cells) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (String c : cells) {
      if (!first) sb.append(',');
      field(sb, c, ',', '"');
      first = false;
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String v, char delimiter, char quote) {
    if (v == null) return;
    boolean needs = v.indexOf(delimiter) >= 0 || v.indexOf(quote) >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    if (!needs) {
      sb.append(v);
      return;
    }
    sb.append(quote);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == quote) sb.append(quote);
      sb.append(c);
    }
    sb.append(quote);
  }
}
