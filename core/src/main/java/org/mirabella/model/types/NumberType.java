package org.mirabella.model.types;

import java.math.BigDecimal;

/**
 * Numbers in plain decimal notation ({@code 1500}, {@code -3.25}). Thousands separators in either
 * convention are removed only where unambiguous ({@code 1,500,000}, {@code 1.500.000},
 * {@code 1 500}); a single comma or point is read as the decimal separator only if it cannot be a
 * thousands separator. A unit after the number ({@code 12 m}) is kept out of the value.
 */
public class NumberType implements PropertyType {
  @Override
  public String name() {
    return "number";
  }

  @Override
  public int maxLength() {
    return 64;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty number");
    String v = raw.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace("'", "");
    v = v.replaceAll("(?<=\\d) (?=\\d{3}(\\D|$))", "");
    v = v.replaceAll("\\s*[\\p{L}%°]+\\.?$", "").strip();
    if (v.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) v = v.replace(",", "");
    else if (v.matches("[-+]?\\d{1,3}(\\.\\d{3}){2,}(,\\d+)?") || v.matches("[-+]?\\d{1,3}\\.\\d{3},\\d+")) {
      v = v.replace(".", "").replace(',', '.');
    } else if (v.matches("[-+]?\\d+,\\d{1,2}|[-+]?\\d+,\\d{4,}")) v = v.replace(',', '.');
    try {
      BigDecimal d = new BigDecimal(v);
      String s = d.stripTrailingZeros().toPlainString();
      return Cleaned.valid(s);
    } catch (NumberFormatException e) {
      return Cleaned.invalid("not a number: '" + raw.strip() + "'");
    }
  }

  @Override
  public double compare(String left, String right) {
    return new BigDecimal(left).compareTo(new BigDecimal(right)) == 0 ? 1.0 : 0.0;
  }
}
