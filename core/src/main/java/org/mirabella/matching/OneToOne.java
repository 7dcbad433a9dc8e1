package org.mirabella.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One-to-one resolution for linking two sources that each hold a person once: pairs are taken best
 * score first, and a pair is dropped when either of its records is already linked. Greedy, O(n log n);
 * ties are broken by record order so that results do not depend on thread timing.
 */
public final class OneToOne {
  private OneToOne() {}

  public static List<Linker.ScoredPair> resolve(List<Linker.ScoredPair> pairs) {
    List<Linker.ScoredPair> sorted = new ArrayList<>(pairs);
    sorted.sort(Comparator.comparingDouble((Linker.ScoredPair p) -> -p.score()).thenComparingInt(Linker.ScoredPair::left)
        .thenComparingInt(Linker.ScoredPair::right));
    Set<Integer> usedLeft = new HashSet<>();
    Set<Integer> usedRight = new HashSet<>();
    List<Linker.ScoredPair> out = new ArrayList<>();
    for (Linker.ScoredPair p : sorted) {
      if (usedLeft.contains(p.left()) || usedRight.contains(p.right())) continue;
      usedLeft.add(p.left());
      usedRight.add(p.right());
      out.add(p);
    }
    return out;
  }
}
