package org.mirabella.hits;

import java.util.Optional;

/**
 * The port the matching engine calls for every scored pair. A pair of entities of two different
 * agencies becomes a hit (both agencies are notified); a pair within one agency, or a pair already
 * rejected by a judgement, does not.
 */
@FunctionalInterface
public interface HitRecorder {
  /** The hit for the pair (new or updated), or empty when the pair makes no hit. */
  Optional<Hit> record(ScoredPair pair);
}
