package org.mirabella.hits;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mirabella.model.InvalidData;

/**
 * What the matching engine hands over: two entities it scored as possibly the same, the score, its
 * band, the kinds of property that matched (e.g. {@code name}, {@code phone}, {@code birthDate}) and
 * the algorithm version that made it, with the version of the stored fitted model it used (null when
 * the algorithm's priors scored it). A pair of two agencies' entities becomes a {@link Hit}.
 */
public record ScoredPair(String leftId, String rightId, double score, Band band, Set<String> matchedKinds,
    String algorithm, Integer modelVersion) {
  /** A pair scored without a stored model. */
  public ScoredPair(String leftId, String rightId, double score, Band band, Set<String> matchedKinds, String algorithm) {
    this(leftId, rightId, score, band, matchedKinds, algorithm, null);
  }

  public ScoredPair {
    Objects.requireNonNull(leftId, "leftId");
    Objects.requireNonNull(rightId, "rightId");
    Objects.requireNonNull(band, "band");
    if (leftId.equals(rightId)) throw new InvalidData("Bad pair", Map.of("rightId", "an entity is not paired with itself"));
    if (algorithm == null || algorithm.isBlank()) throw new InvalidData("Bad pair", Map.of("algorithm", "a pair names the algorithm version that made it"));
    matchedKinds = Set.copyOf(matchedKinds);
  }

  /** The score band: what the other side sees instead of the score. */
  public enum Band { HIGH, MEDIUM, LOW }
}
