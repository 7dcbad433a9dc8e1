package org.mirabella.model.types;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a property type may know while cleaning a value: the entity's countries (a hint for local
 * phone numbers and identifiers) and the property's declared format (e.g. {@code imo}, {@code iban}).
 * The countries keep the order they were given in (the entity's order of statements), so that
 * cleaning gives the same result on every run.
 */
public record CleaningContext(Set<String> countries, String format) {
  public static final CleaningContext NONE = new CleaningContext(Set.of(), null);

  public CleaningContext {
    Set<String> ordered = new LinkedHashSet<>();
    if (countries != null) countries.stream().filter(Objects::nonNull).forEach(ordered::add);
    countries = Collections.unmodifiableSet(ordered);
  }

  public static CleaningContext of(Set<String> countries) {
    return new CleaningContext(countries, null);
  }

  public CleaningContext withFormat(String f) {
    return new CleaningContext(countries, f);
  }
}
