package org.mirabella.matching;

import org.mirabella.model.Entity;

/** A versioned matching algorithm. Implementations are immutable and thread-safe. */
public interface Matcher {
  /** The algorithm version, recorded with every stored hit. */
  String version();

  /** Compares two records' precomputed keys, with reasons. */
  Match score(MatchKeys a, MatchKeys b);

  /** The match probability only: the fast path for the pair loop. */
  double probability(MatchKeys a, MatchKeys b);

  /** Compares two entities (computes their keys; a store should keep keys from ingest instead). */
  default Match score(Entity a, Entity b) {
    return score(MatchKeys.of(a), MatchKeys.of(b));
  }
}
