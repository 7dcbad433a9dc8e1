package org.mirabella.model.types;

import java.util.Set;

/**
 * What a property type may know while cleaning a value: the entity's countries (a hint for local
 * phone numbers and identifiers) and the property's declared format (e.g. {@code imo}, {@code iban}).
 */
public record CleaningContext(Set<String> countries, String format) {
  public static final CleaningContext NONE = new CleaningContext(Set.of(), null);

  public CleaningContext {
    countries = countries == null ? Set.of() : Set.copyOf(countries);
  }

  public static CleaningContext of(Set<String> countries) {
    return new CleaningContext(countries, null);
  }

  public CleaningContext withFormat(String f) {
    return new CleaningContext(countries, f);
  }
}
