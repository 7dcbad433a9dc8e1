package org.mirabella.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The key players of a network: the members whose removal fragments it most. Greedy and exact at each
 * step: remove, one at a time, the member whose removal leaves the smallest largest connected
 * component (ties broken by the order of members, for determinism), up to {@code k} members. Each
 * step tries every remaining member: O(k n (n + m)), trivial for networks of tens of members.
 */
public final class KeyPlayers {
  /** One removal: who, and the size of the largest component left after it. */
  public record Removal(String person, int largestComponent) {}

  private KeyPlayers() {}

  public static <V> List<Removal> find(List<V> members, List<V[]> ties, int k, java.util.function.Function<V, String> id) {
    if (k < 0) throw new IllegalArgumentException("k must be >= 0, not " + k);
    Graph<V, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    members.forEach(g::addVertex);
    for (V[] t : ties) if (!t[0].equals(t[1])) g.addEdge(t[0], t[1]);
    List<V> remaining = new ArrayList<>(members);
    List<Removal> out = new ArrayList<>();
    for (int step = 0; step < k && remaining.size() > 1; step++) {
      V best = null;
      int bestSize = Integer.MAX_VALUE;
      Set<V> gone = new java.util.HashSet<>(members);
      gone.removeAll(remaining);
      for (V candidate : remaining) {
        gone.add(candidate);
        int size = largest(new MaskSubgraph<>(g, gone::contains, e -> false));
        gone.remove(candidate);
        if (size < bestSize) {
          bestSize = size;
          best = candidate;
        }
      }
      remaining.remove(best);
      out.add(new Removal(id.apply(best), bestSize));
    }
    return List.copyOf(out);
  }

  static <V> int largest(Graph<V, DefaultEdge> g) {
    int max = 0;
    for (Set<V> c : new ConnectivityInspector<>(g).connectedSets()) max = Math.max(max, c.size());
    return max;
  }
}
