package org.mirabella.hits;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Records a batch of scored pairs (an import's): the hits made, new or updated. A store does it in
   * one transaction; this default records them one by one.
   */
  default List<Hit> recordAll(List<ScoredPair> pairs) {
    List<Hit> out = new ArrayList<>();
    for (ScoredPair p : pairs) record(p).ifPresent(out::add);
    return out;
  }
}
