package org.mirabella.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one structured error of the core: a title plus messages keyed by field (a property, a column,
 * a schema key). Raised in the core, rendered once by each adapter: the HTTP API turns it into a
 * 400 problem document, the CLI into exit code 2 and a one-line message.
 */
public class InvalidData extends RuntimeException {
  private final String title;
  private final Map<String, String> errors;

  public InvalidData(String title, Map<String, String> errors) {
    super(render(title, errors));
    this.title = title;
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public InvalidData(String title) {
    this(title, Map.of());
  }

  public String title() {
    return title;
  }

  /** Field name to message; empty when the error concerns the whole input. */
  public Map<String, String> errors() {
    return errors;
  }

  private static String render(String title, Map<String, String> errors) {
    if (errors.isEmpty()) return title;
    StringBuilder sb = new StringBuilder(title).append(": ");
    boolean first = true;
    for (var e : errors.entrySet()) {
      if (!first) sb.append("; ");
      sb.append(e.getKey()).append(": ").append(e.getValue());
      first = false;
    }
    return sb.toString();
  }
}
