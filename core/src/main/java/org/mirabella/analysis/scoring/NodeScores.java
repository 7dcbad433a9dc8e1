package org.mirabella.analysis.scoring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.analysis.graph.Network;

/** Unmodifiable scores indexed by node. */
public final class NodeScores {
  private final double[] values;

  private NodeScores(double[] values) {
    this.values = values;
  }

  /** Wraps {@code values} without copying: the caller must not keep or change the array. */
  public static NodeScores wrap(double[] values) {
    return new NodeScores(values);
  }

  public double get(int node) {
    return values[node];
  }

  public int size() {
    return values.length;
  }

  /** A copy of the scores. */
  public double[] toArray() {
    return values.clone();
  }

  /** The node with the highest score; ties go to the later node (see {@code Ranking}). -1 if empty. */
  public int argMax() {
    int best = -1;
    for (int v = 0; v < values.length; v++) if (best < 0 || values[v] >= values[best]) best = v;
    return best;
  }

  /** Scores by node label, in node order. */
  public Map<String, Double> byLabel(Network network) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int v = 0; v < values.length; v++) m.put(network.label(v), values[v]);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
