package org.mirabella.model.types;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Free text (notes, descriptions): NFC and trimmed, line breaks kept (as {@code \n}) and tabs
 * kept; other control characters removed (a NUL byte cannot be stored in PostgreSQL text). Never
 * matched on.
 */
public class TextType implements PropertyType {
  // compiled once: cleaning runs for every value of every import
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
  private final String name;

  public TextType(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int maxLength() {
    return 65_000;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null) return Cleaned.invalid("empty value");
    String v = Normalizer.normalize(raw, Normalizer.Form.NFC)
        .replace("\r\n", "\n").replace('\r', '\n')
        .transform(s0 -> CONTROL.matcher(s0).replaceAll(""))
        .strip();
    if (v.isEmpty()) return Cleaned.invalid("empty value");
    if (v.length() > maxLength()) return Cleaned.invalid("longer than " + maxLength() + " characters");
    return Cleaned.valid(v);
  }
}
