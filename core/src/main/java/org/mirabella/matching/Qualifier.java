package org.mirabella.matching;

import java.util.Optional;

/**
 * A rule applied after the statistical score, in the spirit of OpenSanctions' logic-v2 qualifiers:
 * strong contrary evidence (different countries, birth years far apart, different identifiers of
 * the same kind) keeps a pair out of {@link Band#AUTO_MATCH}, whatever its score, and says why.
 */
@FunctionalInterface
public interface Qualifier {
  /** The reason this rule holds the pair back, or empty. {@code levels} are the features' levels. */
  Optional<String> check(MatchKeys a, MatchKeys b, int[] levels);
}
