package org.mirabella.analysis.structure;

import org.mirabella.analysis.graph.Network;

/**
 * Whole-network descriptors. Density {@code 2m / (n(n-1))}; Freeman degree centralisation
 * {@code Σ(k_max - k_i) / ((n-1)(n-2))} (Freeman 1978, "Centrality in social networks", Social
 * Networks 1), 1 for a star and 0 for a regular network. O(n) after the network is built.
 */
public final class NetworkStatistics {
  private final Network network;

  public NetworkStatistics(Network network) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
  }

  /** Share of possible edges present; 0 for fewer than two nodes. Self-loops are not counted. */
  public double density() {
    long n = network.nodeCount();
    if (n < 2) return 0;
    long loops = 0;
    for (int v = 0; v < n; v++) {
      for (int i = network.offset(v); i < network.offset(v + 1); i++) if (network.target(i) == v) loops++;
    }
    return 2.0 * (network.edgeCount() - loops) / (n * (n - 1));
  }

  /** Freeman degree centralisation in [0, 1]; 0 for fewer than three nodes. */
  public double degreeCentralization() {
    int n = network.nodeCount();
    if (n < 3) return 0;
    int max = 0;
    for (int v = 0; v < n; v++) max = Math.max(max, network.degree(v));
    long sum = 0;
    for (int v = 0; v < n; v++) sum += max - network.degree(v);
    return sum / ((double) (n - 1) * (n - 2));
  }

  public double averageDegree() {
    int n = network.nodeCount();
    return n == 0 ? 0 : 2.0 * network.edgeCount() / n;
  }
}
