package org.mirabella.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/** Parses enum constants from user input ({@code financial-investigation}, {@code Financial investigation}). */
public final class Enums {
  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String raw, String field) {
    if (raw == null || raw.isBlank()) throw new InvalidData("Missing value", Map.of(field, "required"));
    String k = raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    for (E e : type.getEnumConstants()) if (e.name().equals(k)) return e;
    throw new InvalidData("Bad value", Map.of(field, "'" + raw.strip() + "' is not one of "
        + Arrays.stream(type.getEnumConstants()).map(Enums::code).toList()));
  }

  /** The constant as users write it: lower case with dashes. */
  public static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
