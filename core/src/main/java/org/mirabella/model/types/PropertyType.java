package org.mirabella.model.types;

/**
 * A kind of value (name, date, phone, ...). A type owns cleaning, validation and comparison of
 * its values; entities and importers only delegate. One class per type, registered in {@link Types}.
 */
public interface PropertyType {
  /** The FollowTheMoney type name, e.g. {@code phone}. */
  String name();

  /**
   * Cleans a raw value. Returns {@link Cleaned.Invalid} with a human-readable reason where the value
   * cannot be understood; never silently drops or alters the meaning of a value.
   */
  Cleaned clean(String raw, CleaningContext context);

  default Cleaned clean(String raw) {
    return clean(raw, CleaningContext.NONE);
  }

  /** Similarity of two clean values in [0, 1]; the default is exact equality. */
  default double compare(String left, String right) {
    return left.equals(right) ? 1.0 : 0.0;
  }

  /** Whether values of this type identify entities well enough to be used for matching. */
  default boolean matchable() {
    return false;
  }

  /**
   * Whether a shared value links entities in a network ("pivot"): a phone used by three people
   * links them. Names and free text do not.
   */
  default boolean pivot() {
    return false;
  }

  /** Maximum length of a clean value. */
  default int maxLength() {
    return 4096;
  }
}
