package org.mirabella.matching;

import java.util.List;

/**
 * The outcome of comparing two entities: match probability in [0, 1], the band, the reasons in
 * plain words (strongest evidence first) and the algorithm version that produced it, so that a
 * stored hit stays reproducible.
 */
public record Match(double score, Band band, List<String> reasons, String version) {
  public Match {
    if (score < 0 || score > 1 || Double.isNaN(score)) throw new IllegalArgumentException("score out of [0,1]: " + score);
    reasons = List.copyOf(reasons);
  }
}
