package org.mirabella.model.types;

/** The outcome of cleaning one raw value: a normalised value, or the reason it was rejected. */
public sealed interface Cleaned {
  record Valid(String value) implements Cleaned {}

  record Invalid(String reason) implements Cleaned {}

  static Cleaned valid(String value) {
    return new Valid(value);
  }

  static Cleaned invalid(String reason) {
    return new Invalid(reason);
  }

  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The clean value; throws for an invalid one. */
  default String value() {
    if (this instanceof Valid v) return v.value();
    throw new IllegalStateException("invalid value: " + ((Invalid) this).reason());
  }
}
