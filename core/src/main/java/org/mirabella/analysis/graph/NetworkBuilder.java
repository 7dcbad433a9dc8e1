package org.mirabella.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Network} from an edge list with networkx {@code Graph.add_edge} semantics: nodes
 * are numbered in order of first appearance, edges are undirected, and adding an edge that exists
 * (in either direction) <b>replaces its weight</b> (last line wins, weights are not summed), as
 * Cavallaro et al. (2020) load their files. O(m) expected time.
 */
public final class NetworkBuilder {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> labels = new ArrayList<>();
  private boolean intLabels; // nodes were added by int id: label(i) = i, no label table
  private int nodeCount;
  private int[] us = new int[16];
  private int[] vs = new int[16];
  private double[] ws = new double[16];
  private int edges;
  private boolean weighted;
  private final LongIntMap edgeIndex;

  public NetworkBuilder() {
    this(16);
  }

  /** A builder sized for about {@code expectedEdges} edges. */
  public NetworkBuilder(int expectedEdges) {
    edgeIndex = new LongIntMap(expectedEdges);
    us = new int[Math.max(16, expectedEdges)];
    vs = new int[us.length];
    ws = new double[us.length];
  }

  /** Adds (or re-weights) the unweighted edge {u, v}. */
  public NetworkBuilder addEdge(String u, String v) {
    return addEdge(node(u), node(v), 1.0, false);
  }

  /** Adds the edge {u, v} or replaces its weight. */
  public NetworkBuilder addEdge(String u, String v, double weight) {
    return addEdge(node(u), node(v), weight, true);
  }

  /**
   * Adds an edge between nodes identified by dense ints {@code 0..}; labels are the ints. Do not mix
   * with the String methods.
   */
  public NetworkBuilder addEdge(int u, int v, double weight) {
    if (!labels.isEmpty()) throw new IllegalStateException("builder already uses String labels");
    if (u < 0 || v < 0) throw new IllegalArgumentException("node ids must be >= 0: " + u + ", " + v);
    intLabels = true;
    nodeCount = Math.max(nodeCount, Math.max(u, v) + 1);
    return addEdge(u, v, weight, true);
  }

  /** Adds an isolated node (or does nothing if it exists); returns its index. */
  public int node(String label) {
    if (intLabels) throw new IllegalStateException("builder already uses int ids");
    Integer id = ids.get(label);
    if (id != null) return id;
    ids.put(label, labels.size());
    labels.add(label);
    nodeCount = labels.size();
    return labels.size() - 1;
  }

  private NetworkBuilder addEdge(int u, int v, double weight, boolean hasWeight) {
    if (Double.isNaN(weight) || weight < 0 || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("edge weight must be a finite number >= 0: " + weight);
    }
    weighted |= hasWeight && weight != 1.0;
    long key = ((long) Math.min(u, v) << 32) | Math.max(u, v);
    int e = edgeIndex.get(key);
    if (e >= 0) {
      ws[e] = weight;
      return this;
    }
    if (edges == us.length) {
      int cap = us.length * 2;
      us = Arrays.copyOf(us, cap);
      vs = Arrays.copyOf(vs, cap);
      ws = Arrays.copyOf(ws, cap);
    }
    us[edges] = u;
    vs[edges] = v;
    ws[edges] = weight;
    edgeIndex.put(key, edges++);
    return this;
  }

  /** Keeps weights even if all are 1 (by default a network whose weights are all 1 is unweighted). */
  public NetworkBuilder weighted(boolean weighted) {
    this.weighted = weighted;
    return this;
  }

  public Network build() {
    int n = nodeCount;
    int[] offsets = new int[n + 1];
    for (int e = 0; e < edges; e++) {
      offsets[us[e] + 1]++;
      if (us[e] != vs[e]) offsets[vs[e] + 1]++;
    }
    for (int v = 0; v < n; v++) offsets[v + 1] += offsets[v];
    int[] fill = Arrays.copyOf(offsets, n);
    int[] targets = new int[offsets[n]];
    double[] weights = weighted ? new double[offsets[n]] : null;
    for (int e = 0; e < edges; e++) {
      int u = us[e];
      int v = vs[e];
      int i = fill[u]++;
      targets[i] = v;
      if (weights != null) weights[i] = ws[e];
      if (u != v) {
        int j = fill[v]++;
        targets[j] = u;
        if (weights != null) weights[j] = ws[e];
      }
    }
    String[] l = intLabels ? null : labels.toArray(new String[0]);
    return new Network(l, offsets, targets, weights, edges);
  }
}
