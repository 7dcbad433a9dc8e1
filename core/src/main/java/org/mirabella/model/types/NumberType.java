package org.mirabella.model.types;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers in plain decimal notation ({@code 1500}, {@code -3.25}). Thousands separators in either
 * convention are removed only where unambiguous: {@code 1,500,000}, {@code 1.500.000},
 * {@code 1 500}, {@code 1'500}, and a number with both separators ({@code 1,500.50},
 * {@code 1.500,50}). A single comma is a decimal comma ({@code 3,25}, {@code 0,001}) unless it
 * could be a thousands separator. One separator followed by exactly three digits ({@code 1.500},
 * {@code 1,500}) means 1500 in Italy and 1.5 in the UK, so it is rejected as ambiguous rather than
 * guessed: an import mapping that knows its source's convention writes it out. A currency sign
 * before and a unit after the number ({@code € 100}, {@code 12 m}, {@code 12.5%}) are kept out of
 * the value. Arabic-Indic digits and the Arabic separators ({@code ١٬٥٠٠٫٥}) are read too.
 */
public class NumberType implements PropertyType {
  // compiled once: cleaning runs for every value of every import
  private static final Pattern LEADING_CURRENCY = Pattern.compile("^\\p{Sc}\\s*");
  private static final Pattern SPACE_GROUPING = Pattern.compile("(?<=\\d) (?=\\d{3}(\\D|$))");
  private static final Pattern TRAILING_UNIT = Pattern.compile("\\s*[\\p{L}\\p{Sc}%°²³]+\\.?$");
  private static final Pattern GROUPED_POINT_DECIMAL = Pattern.compile("[-+]?[1-9]\\d{0,2}(,\\d{3})+\\.\\d+|[-+]?[1-9]\\d{0,2}(,\\d{3}){2,}");
  private static final Pattern GROUPED_COMMA_DECIMAL = Pattern.compile("[-+]?[1-9]\\d{0,2}(\\.\\d{3})+,\\d+|[-+]?[1-9]\\d{0,2}(\\.\\d{3}){2,}");
  private static final Pattern AMBIGUOUS = Pattern.compile("[-+]?[1-9]\\d{0,2}[.,]\\d{3}");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");
  /** Digits before and after the decimal point beyond which a value is not a plausible quantity. */
  private static final int MAX_DIGITS = 40;

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
    String v = StringType.asciiDigits(raw.strip()).replace('\u00a0', ' ').replace('\u202f', ' ').replace("'", "")
        .replace("’", "").replace('\u2212', '-')
        .replace("\u066c", "").replace('\u066b', '.'); // Arabic thousands and decimal separators: unambiguous
    v = LEADING_CURRENCY.matcher(v).replaceAll("");
    v = SPACE_GROUPING.matcher(v).replaceAll("");
    v = TRAILING_UNIT.matcher(v).replaceAll("").strip();
    if (GROUPED_POINT_DECIMAL.matcher(v).matches()) {
      v = v.replace(",", "");
    } else if (GROUPED_COMMA_DECIMAL.matcher(v).matches()) {
      v = v.replace(".", "").replace(',', '.');
    } else if (AMBIGUOUS.matcher(v).matches()) {
      String asThousands = v.replace(".", "").replace(",", "");
      String asDecimal = new BigDecimal(v.replace(',', '.')).stripTrailingZeros().toPlainString();
      return Cleaned.invalid("ambiguous number '" + raw.strip() + "': " + asThousands + " or " + asDecimal
          + "? (write it without a thousands separator)");
    } else if (DECIMAL_COMMA.matcher(v).matches()) {
      v = v.replace(',', '.');
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v);
    } catch (NumberFormatException e) {
      return Cleaned.invalid("not a number: '" + raw.strip() + "'");
    }
    d = d.stripTrailingZeros();
    if (d.scale() > MAX_DIGITS || d.precision() - d.scale() > MAX_DIGITS) {
      return Cleaned.invalid("number out of range: '" + raw.strip() + "'");
    }
    return Cleaned.valid(d.toPlainString());
  }

  @Override
  public double compare(String left, String right) {
    return new BigDecimal(left).compareTo(new BigDecimal(right)) == 0 ? 1.0 : 0.0;
  }
}
