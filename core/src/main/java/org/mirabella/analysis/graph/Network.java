package org.mirabella.analysis.graph;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An undirected network stored as compressed sparse rows (CSR): nodes are the ints {@code 0..n-1},
 * the neighbours of {@code v} are {@code target(offset(v)) .. target(offset(v + 1) - 1)}, with an
 * optional weight per adjacency entry. Immutable; about 12 bytes per edge end when weighted.
 *
 * <p>Order is part of the contract, because published results depend on it (Cavallaro et al.
 * break ties by it): nodes are numbered in order of first appearance and each neighbour list is in
 * the order the edges were first added, as networkx keeps them. A self-loop appears once in its
 * node's list and counts twice towards degree and strength (networkx convention).
 */
public final class Network {
  private final String[] labels; // null: the label of node i is Integer.toString(i)
  private final int[] offsets;
  private final int[] targets;
  private final double[] weights; // null: unweighted, every weight is 1
  private final int edgeCount;
  private final int[] degrees;
  private final double[] strengths;
  private volatile Map<String, Integer> index;

  Network(String[] labels, int[] offsets, int[] targets, double[] weights, int edgeCount) {
    this.labels = labels;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.edgeCount = edgeCount;
    int n = offsets.length - 1;
    this.degrees = new int[n];
    this.strengths = new double[n];
    for (int v = 0; v < n; v++) {
      int d = 0;
      double s = 0;
      for (int i = offsets[v]; i < offsets[v + 1]; i++) {
        int k = targets[i] == v ? 2 : 1;
        d += k;
        s += k * (weights == null ? 1.0 : weights[i]);
      }
      degrees[v] = d;
      strengths[v] = s;
    }
  }

  /** The network with no nodes. */
  public static Network empty() {
    return new Network(new String[0], new int[] {0}, new int[0], null, 0);
  }

  public int nodeCount() {
    return offsets.length - 1;
  }

  /** Number of distinct undirected edges (a self-loop counts once). */
  public int edgeCount() {
    return edgeCount;
  }

  /** Whether edges carry weights (otherwise every weight is 1). */
  public boolean isWeighted() {
    return weights != null;
  }

  /** First adjacency index of {@code v}; its neighbours end at {@code offset(v + 1)}. */
  public int offset(int v) {
    return offsets[v];
  }

  /** The neighbour at adjacency index {@code i}. */
  public int target(int i) {
    return targets[i];
  }

  /** The weight at adjacency index {@code i} (1 when unweighted). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** Number of incident edge ends (a self-loop counts twice). */
  public int degree(int v) {
    return degrees[v];
  }

  /** Sum of incident weights (a self-loop counts twice); equals the degree when unweighted. */
  public double strength(int v) {
    return strengths[v];
  }

  /** Number of entries in the neighbour list of {@code v} (a self-loop counts once). */
  public int neighbourCount(int v) {
    return offsets[v + 1] - offsets[v];
  }

  public String label(int v) {
    return labels == null ? Integer.toString(v) : labels[v];
  }

  /** The node carrying {@code label}, if any. */
  public OptionalInt node(String label) {
    Map<String, Integer> idx = index;
    if (idx == null) {
      idx = new HashMap<>(nodeCount() * 2);
      for (int v = 0; v < nodeCount(); v++) idx.put(label(v), v);
      index = idx;
    }
    Integer v = idx.get(label);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  /** The weight of edge {u, v}, or NaN if there is none. O(degree(u)). */
  public double edgeWeight(int u, int v) {
    for (int i = offsets[u]; i < offsets[u + 1]; i++) {
      if (targets[i] == v) return weight(i);
    }
    return Double.NaN;
  }

  /** A copy of the CSR offsets (length n + 1), for tight loops that cannot afford a call per access. */
  public int[] offsetsCopy() {
    return offsets.clone();
  }

  /** A copy of the CSR targets (length 2m minus self-loops), parallel to {@link #weightsCopy()}. */
  public int[] targetsCopy() {
    return targets.clone();
  }

  /** A copy of the CSR weights, or null when unweighted. */
  public double[] weightsCopy() {
    return weights == null ? null : weights.clone();
  }

  /** The same network with every weight set to 1. */
  public Network unweighted() {
    return weights == null ? this : new Network(labels, offsets, targets, null, edgeCount);
  }

  /**
   * The subgraph induced by the nodes not in {@code removed}, renumbered in their original order,
   * neighbour lists kept in order (as networkx's {@code remove_nodes_from} leaves them). O(n + m).
   */
  public Network without(BitSet removed) {
    int n = nodeCount();
    int[] newId = new int[n];
    int kept = 0;
    for (int v = 0; v < n; v++) newId[v] = removed.get(v) ? -1 : kept++;
    String[] newLabels = new String[kept];
    int[] newOffsets = new int[kept + 1];
    int entries = 0;
    for (int v = 0; v < n; v++) {
      if (newId[v] < 0) continue;
      for (int i = offsets[v]; i < offsets[v + 1]; i++) if (newId[targets[i]] >= 0) entries++;
    }
    int[] newTargets = new int[entries];
    double[] newWeights = weights == null ? null : new double[entries];
    int p = 0;
    int loops = 0;
    for (int v = 0; v < n; v++) {
      int nv = newId[v];
      if (nv < 0) continue;
      newLabels[nv] = label(v);
      newOffsets[nv] = p;
      for (int i = offsets[v]; i < offsets[v + 1]; i++) {
        int t = newId[targets[i]];
        if (t < 0) continue;
        if (t == nv) loops++;
        newTargets[p] = t;
        if (newWeights != null) newWeights[p] = weights[i];
        p++;
      }
    }
    newOffsets[kept] = p;
    return new Network(newLabels, newOffsets, newTargets, newWeights, (entries - loops) / 2 + loops);
  }

  /** The subgraph induced by {@code nodes}, in their original order. */
  public Network inducedBy(BitSet nodes) {
    BitSet removed = new BitSet(nodeCount());
    removed.set(0, nodeCount());
    removed.andNot(nodes);
    return without(removed);
  }

  @Override
  public String toString() {
    return "Network[nodes=" + nodeCount() + ", edges=" + edgeCount()
        + (isWeighted() ? ", weighted" : "") + "]";
  }
}
