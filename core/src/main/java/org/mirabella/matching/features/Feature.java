package org.mirabella.matching.features;

import org.mirabella.matching.MatchKeys;

/**
 * One comparison of a Fellegi–Sunter model: a pure function from a pair of {@link MatchKeys} to a
 * comparison level (0 = strongest agreement … last = disagreement, or {@link #MISSING} when a side
 * lacks the property), plus the plain-words explanation of a level. m and u probabilities per
 * level are the model's business; a feature only gives starting values.
 */
public interface Feature {
  int MISSING = -1;

  /** Short domain name, e.g. {@code birthDate}. */
  String name();

  /** Labels of the levels, strongest agreement first. */
  String[] levels();

  /** Starting m probabilities (level given a match), one per level. */
  double[] priorM();

  /** Starting u probabilities (level given a non-match), one per level. */
  double[] priorU();

  /** The level of a pair, or {@link #MISSING}. Pure, thread-safe, allocation-free where possible. */
  int level(MatchKeys a, MatchKeys b);

  /** Plain words for an analyst, e.g. "same birth date 1987-03-02". */
  String explain(MatchKeys a, MatchKeys b, int level);

  /**
   * For term-frequency adjustment: the value that agreed at {@code level} (e.g. the family name), whose
   * frequency replaces the average u; null where the feature has none.
   */
  default String agreedValue(MatchKeys a, MatchKeys b, int level) {
    return null;
  }

  /** The values of one record that {@link #agreedValue} can return, for counting frequencies. */
  default String[] values(MatchKeys a) {
    return new String[0];
  }
}
