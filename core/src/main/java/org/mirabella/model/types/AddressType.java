package org.mirabella.model.types;

import java.util.Locale;

/**
 * Postal addresses as one line: parts joined by commas, white space folded. Comparison ignores case
 * and punctuation; structured parts belong to the Address schema.
 */
public class AddressType implements PropertyType {
  @Override
  public String name() {
    return "address";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public boolean pivot() {
    return true;
  }

  @Override
  public int maxLength() {
    return 250;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    String v = StringType.normalise(raw == null ? null : raw.replaceAll("\\s*[\\r\\n]+\\s*", ", "));
    v = v.replaceAll("(\\s*,\\s*)+", ", ").replaceAll("^[,\\s]+|[,\\s]+$", "");
    if (v.isEmpty()) return Cleaned.invalid("empty address");
    if (v.length() > maxLength()) return Cleaned.invalid("longer than " + maxLength() + " characters");
    return Cleaned.valid(v);
  }

  /** A comparison key: lower case letters and digits only, single spaces. */
  public static String key(String clean) {
    return clean.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Override
  public double compare(String left, String right) {
    return key(left).equals(key(right)) ? 1.0 : 0.0;
  }
}
