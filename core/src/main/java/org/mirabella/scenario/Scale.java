package org.mirabella.scenario;

import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * How big a scenario is: the number of true persons (network members, clients and victims). Given as
 * a number ({@code 25000}, {@code 25k}, {@code 2m}) or a preset: {@code demo} (1,000 persons, loads in
 * seconds), {@code 10k}, {@code 1m}, {@code 10m}.
 */
public record Scale(String label, long persons) {
  private static final Map<String, Long> PRESETS = Map.of("demo", 1_000L);

  public Scale {
    if (persons < 50) throw new InvalidData("Bad scale", Map.of("scale", "at least 50 persons, not " + persons));
  }

  public static Scale parse(String raw) {
    if (raw == null || raw.isBlank()) throw new InvalidData("Bad scale", Map.of("scale", "empty"));
    String v = raw.strip().toLowerCase(Locale.ROOT).replace("_", "");
    if (PRESETS.containsKey(v)) return new Scale(v, PRESETS.get(v));
    long factor = 1;
    if (v.endsWith("k")) factor = 1_000;
    if (v.endsWith("m")) factor = 1_000_000;
    String digits = factor == 1 ? v : v.substring(0, v.length() - 1);
    try {
      return new Scale(v, Math.multiplyExact(Long.parseLong(digits), factor));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidData("Bad scale", Map.of("scale", "'" + raw.strip() + "' is not a number of persons (e.g. 5000, 10k, 1m) or demo"));
    }
  }
}
