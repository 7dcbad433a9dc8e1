package org.mirabella.model.types;

import java.util.regex.Pattern;

/** References to other entities by id: letters, digits, dots, dashes, underscores, colons. */
public class EntityType implements PropertyType {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

  @Override
  public String name() {
    return "entity";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public int maxLength() {
    return 128;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty entity reference");
    String v = raw.strip();
    return ID.matcher(v).matches() ? Cleaned.valid(v) : Cleaned.invalid("not an entity id: '" + v + "'");
  }
}
