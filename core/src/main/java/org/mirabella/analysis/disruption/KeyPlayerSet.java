package org.mirabella.analysis.disruption;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.structure.ConnectedComponents;

/**
 * Greedy key-player set for fragmentation (Borgatti 2006, "Identifying sets of key players in a
 * social network", Comput. Math. Organ. Theory 12): the k nodes whose joint removal maximises the
 * fragmentation {@code F = 1 - Σ_c s_c(s_c - 1) / (n(n - 1))} of the remaining n nodes (the share of
 * pairs left unable to reach each other). Greedy: add, one at a time, the node that raises F most
 * (ties to the earlier node), then improve by Borgatti's swap heuristic until no swap helps.
 * O(k·n·(n + m)) per round of greedy additions; swaps O(k·n·(n + m)) per pass.
 */
public final class KeyPlayerSet {
  private final Network network;
  private final int k;
  private List<Integer> players;

  public KeyPlayerSet(Network network, int k) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (k < 0 || k > network.nodeCount()) {
      throw new IllegalArgumentException("k must be in [0, " + network.nodeCount() + "]: " + k);
    }
    this.network = network;
    this.k = k;
  }

  /** Fragmentation of {@code g}: the share of ordered node pairs that cannot reach each other. */
  public static double fragmentation(Network g) {
    long n = g.nodeCount();
    if (n < 2) return 0;
    double reachable = 0;
    for (int s : new ConnectedComponents(g).sizes()) reachable += (double) s * (s - 1);
    return 1 - reachable / ((double) n * (n - 1));
  }

  /** The chosen nodes, in the order they were added (after swaps: set order). */
  public List<Integer> players() {
    if (players == null) players = List.copyOf(find());
    return players;
  }

  /** Fragmentation after removing {@link #players()}. */
  public double fragmentation() {
    return fragmentationWithout(toBits(players()));
  }

  private List<Integer> find() {
    List<Integer> set = new ArrayList<>();
    BitSet chosen = new BitSet();
    for (int i = 0; i < k; i++) {
      int best = -1;
      double bestF = -1;
      for (int v = 0; v < network.nodeCount(); v++) {
        if (chosen.get(v)) continue;
        chosen.set(v);
        double f = fragmentationWithout(chosen);
        chosen.clear(v);
        if (f > bestF) {
          bestF = f;
          best = v;
        }
      }
      chosen.set(best);
      set.add(best);
    }
    boolean improved = true;
    double current = fragmentationWithout(chosen);
    while (improved) {
      improved = false;
      for (int i = 0; i < set.size() && !improved; i++) {
        int out = set.get(i);
        for (int v = 0; v < network.nodeCount() && !improved; v++) {
          if (chosen.get(v)) continue;
          chosen.clear(out);
          chosen.set(v);
          double f = fragmentationWithout(chosen);
          if (f > current + 1e-12) {
            current = f;
            set.set(i, v);
            improved = true;
          } else {
            chosen.clear(v);
            chosen.set(out);
          }
        }
      }
    }
    return set;
  }

  private double fragmentationWithout(BitSet removed) {
    return fragmentation(network.without(removed));
  }

  private static BitSet toBits(List<Integer> nodes) {
    BitSet b = new BitSet();
    nodes.forEach(b::set);
    return b;
  }
}
