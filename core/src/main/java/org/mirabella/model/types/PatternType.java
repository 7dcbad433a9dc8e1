package org.mirabella.model.types;

import java.util.Locale;
import java.util.regex.Pattern;

/** A type whose clean values are the lower-cased input matching one pattern (checksum, ip, mimetype). */
public class PatternType implements PropertyType {
  private final String name;
  private final Pattern pattern;
  private final boolean matchable;
  private final String what;

  public PatternType(String name, Pattern pattern, boolean matchable, String what) {
    this.name = name;
    this.pattern = pattern;
    this.matchable = matchable;
    this.what = what;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean matchable() {
    return matchable;
  }

  @Override
  public int maxLength() {
    return 128;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty " + name);
    String v = raw.strip().toLowerCase(Locale.ROOT);
    return pattern.matcher(v).matches() ? Cleaned.valid(v) : Cleaned.invalid("not " + what + ": '" + raw.strip() + "'");
  }
}
