package org.mirabella.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {column}} placeholders in a mapping's {@code template}. */
final class Templates {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private Templates() {}

  /** Fills the template from the row; null when every placeholder is empty. */
  static String fill(String template, Row row) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    while (m.find()) {
      String v = row.get(m.group(1));
      v = v == null ? "" : v.strip();
      any |= !v.isEmpty();
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    if (!any) return null;
    String out = SPACES.matcher(sb).replaceAll(" ").strip();
    return out.isEmpty() ? null : out;
  }
}
