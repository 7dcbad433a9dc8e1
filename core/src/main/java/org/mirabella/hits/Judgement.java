package org.mirabella.hits;

import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/** An analyst's decision on a hit. A rejection stops the pair from coming back. */
public enum Judgement {
  CONFIRMED, REJECTED, UNSURE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Judgement parse(String raw) {
    try {
      return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new InvalidData("Bad judgement", Map.of("judgement", "'" + raw + "' is not one of confirmed, rejected, unsure"));
    }
  }
}
