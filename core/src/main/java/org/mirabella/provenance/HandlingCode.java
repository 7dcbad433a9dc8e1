package org.mirabella.provenance;

import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * Handling codes as in Europol's SIENA. They bind every reader of a statement: shown wherever the
 * statement is shown, enforced by the access rules.
 */
public enum HandlingCode {
  /** For law-enforcement use only. */
  H0("Law-enforcement use only"),
  /** Not for use as evidence in judicial proceedings without the owner's permission. */
  H1("Not for judicial use without permission"),
  /** No onward dissemination without the owner's permission. */
  H2("No onward dissemination without permission"),
  /** Other restrictions: a free-text condition that every reader sees. */
  H3("Other restrictions apply");

  private final String meaning;

  HandlingCode(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }

  public static HandlingCode parse(String raw) {
    if (raw == null || raw.isBlank()) return H0;
    try {
      return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Bad handling code", Map.of("handling", "'" + raw.strip() + "' is not one of H0, H1, H2, H3"));
    }
  }
}
