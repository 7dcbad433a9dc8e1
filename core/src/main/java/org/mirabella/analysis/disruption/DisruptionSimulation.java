package org.mirabella.analysis.disruption;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.structure.ConnectedComponents;
import org.mirabella.analysis.structure.GlobalEfficiency;

/**
 * Simulates the arrest of a network's members, by the procedure of Cavallaro et al. (2020),
 * "Disrupting resilient criminal networks through data analysis: the case of Sicilian Mafia", PLOS
 * ONE 15(8): e0236476:
 *
 * <ul>
 *   <li>while the network has more than {@code blockSize} nodes: record the largest connected
 *       component (LCC); then
 *   <li>{@link RemovalMode#SEQUENTIAL}: score the current network, remove the top node, and record
 *       again (rows 0, 1, 2, …);
 *   <li>{@link RemovalMode#BLOCK}: score once, remove the top {@code blockSize} nodes together
 *       (rows 0, 5, 10, …), stopping mid-block once only {@code blockSize} nodes are left.
 * </ul>
 *
 * The ratio is {@code 1 - |LCC - LCC0| / LCC0}, LCC0 on the intact network (numerically the same
 * as LCC / LCC0, computed the published way so rows match to the last bit). Each row also carries
 * the number of components and the global efficiency ({@link GlobalEfficiency}, O(n·m) per row).
 * Ties are broken as in
 * {@link Ranking}. Time: one score computation per removal (sequential) or per block; with
 * betweenness O(n·nm) sequential on an n-node network.
 */
public final class DisruptionSimulation {
  public static final int BLOCK_SIZE_DEFAULT = 5;
  private final Network network;
  private final RemovalStrategy strategy;
  private final RemovalMode mode;
  private final boolean weighted;
  private final int blockSize;
  private DisruptionCurve curve;

  public DisruptionSimulation(Network network, RemovalStrategy strategy, RemovalMode mode) {
    this(network, strategy, mode, false);
  }

  public DisruptionSimulation(Network network, RemovalStrategy strategy, RemovalMode mode, boolean weighted) {
    this(network, strategy, mode, weighted, BLOCK_SIZE_DEFAULT);
  }

  public DisruptionSimulation(
      Network network, RemovalStrategy strategy, RemovalMode mode, boolean weighted, int blockSize) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (strategy == null) throw new IllegalArgumentException("strategy must not be null");
    if (mode == null) throw new IllegalArgumentException("mode must not be null");
    if (blockSize < 1) throw new IllegalArgumentException("block size must be >= 1: " + blockSize);
    this.network = network;
    this.strategy = strategy;
    this.mode = mode;
    this.weighted = weighted;
    this.blockSize = blockSize;
  }

  /** Shortcut: the curve of one simulation. */
  public static DisruptionCurve simulate(
      Network network, RemovalStrategy strategy, RemovalMode mode, boolean weighted) {
    return new DisruptionSimulation(network, strategy, mode, weighted).curve();
  }

  public DisruptionCurve curve() {
    if (curve == null) curve = run();
    return curve;
  }

  private DisruptionCurve run() {
    List<DisruptionCurve.Point> points = new ArrayList<>();
    List<String> removedNodes = new ArrayList<>();
    Network g = network;
    int lcc0 = ConnectedComponents.largestSize(g);
    int removed = 0;
    while (g.nodeCount() > blockSize) {
      String[] block = null;
      if (mode == RemovalMode.BLOCK) {
        points.add(point(removed, g, lcc0));
        int[] top = Ranking.top(g, strategy.scores(g, weighted), blockSize, strategy.tiesByLabel());
        block = new String[top.length];
        for (int i = 0; i < top.length; i++) block[i] = g.label(top[i]);
      }
      for (int i = 0; i < blockSize; i++) {
        if (g.nodeCount() <= blockSize) break;
        String victim;
        if (mode == RemovalMode.SEQUENTIAL) {
          points.add(point(removed, g, lcc0));
          int[] top = Ranking.top(g, strategy.scores(g, weighted), 1, strategy.tiesByLabel());
          victim = g.label(top[0]);
        } else {
          victim = block[i];
        }
        BitSet gone = new BitSet(g.nodeCount());
        gone.set(g.node(victim).orElseThrow());
        g = g.without(gone);
        removedNodes.add(victim);
        removed++;
      }
    }
    return new DisruptionCurve(points, removedNodes);
  }

  static DisruptionCurve.Point point(int removed, Network g, int lcc0) {
    ConnectedComponents cc = new ConnectedComponents(g);
    int lcc = cc.largestSize();
    double ratio = lcc0 == 0 ? 0 : 1 - Math.abs((double) (lcc - lcc0) / lcc0);
    return new DisruptionCurve.Point(removed, lcc, ratio, cc.count(), GlobalEfficiency.of(g));
  }
}
