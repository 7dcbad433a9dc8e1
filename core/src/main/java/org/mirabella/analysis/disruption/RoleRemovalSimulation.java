package org.mirabella.analysis.disruption;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.structure.ConnectedComponents;

/**
 * Role-aware removal: "what if we arrest all the money handlers?" Removes every node whose role is
 * one of the given roles, one at a time, the highest first by a secondary measure ({@link
 * RemovalStrategy}), and records the network after each removal: largest component as a share of
 * the initial one, number of components, global efficiency. {@link RemovalMode#SEQUENTIAL}
 * re-scores the remaining network after each removal; {@link RemovalMode#BLOCK} scores the intact
 * network once and removes in that order (a coordinated action day). Unlike {@link
 * DisruptionSimulation} the run continues until no node of the roles is left and the row after the
 * last removal is recorded too. Ties as in {@link Ranking}. Nodes with no role (null) are never
 * removed.
 */
public final class RoleRemovalSimulation {
  private final Network network;
  private final String[] roles;
  private final Set<String> targets;
  private final RemovalStrategy order;
  private final RemovalMode mode;
  private final boolean weighted;
  private DisruptionCurve curve;

  /**
   * @param roles the role of each node, indexed like the network's nodes (null: none)
   * @param targets the roles to remove
   * @param order the measure that decides who goes first among them
   */
  public RoleRemovalSimulation(Network network, String[] roles, Set<String> targets, RemovalStrategy order,
      RemovalMode mode, boolean weighted) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (roles == null || roles.length != network.nodeCount()) {
      throw new IllegalArgumentException("roles: need one entry per node (" + network.nodeCount() + "), got "
          + (roles == null ? "null" : roles.length));
    }
    if (targets == null || targets.isEmpty()) throw new IllegalArgumentException("targets: name at least one role");
    if (order == null) throw new IllegalArgumentException("order must not be null");
    if (mode == null) throw new IllegalArgumentException("mode must not be null");
    this.network = network;
    this.roles = roles.clone();
    this.targets = Set.copyOf(targets);
    this.order = order;
    this.mode = mode;
    this.weighted = weighted;
  }

  public DisruptionCurve curve() {
    if (curve == null) curve = run();
    return curve;
  }

  private DisruptionCurve run() {
    Set<String> left = new HashSet<>();
    for (int v = 0; v < roles.length; v++) if (roles[v] != null && targets.contains(roles[v])) left.add(network.label(v));
    Network g = network;
    int lcc0 = ConnectedComponents.largestSize(g);
    List<DisruptionCurve.Point> points = new ArrayList<>();
    List<String> removedNodes = new ArrayList<>();
    List<String> plan = mode == RemovalMode.BLOCK ? ranked(g, left, left.size()) : null;
    points.add(DisruptionSimulation.point(0, g, lcc0));
    while (!left.isEmpty()) {
      String victim = plan != null ? plan.get(removedNodes.size()) : ranked(g, left, 1).get(0);
      BitSet gone = new BitSet(g.nodeCount());
      gone.set(g.node(victim).orElseThrow());
      g = g.without(gone);
      left.remove(victim);
      removedNodes.add(victim);
      points.add(DisruptionSimulation.point(removedNodes.size(), g, lcc0));
    }
    return new DisruptionCurve(points, removedNodes);
  }

  /** The top {@code k} of the candidates on {@code g} by the secondary measure. */
  private List<String> ranked(Network g, Set<String> candidates, int k) {
    double[] scores = order.scores(g, weighted).clone();
    for (int v = 0; v < scores.length; v++) if (!candidates.contains(g.label(v))) scores[v] = Double.NEGATIVE_INFINITY;
    int[] top = Ranking.top(g, scores, k, order.tiesByLabel());
    List<String> out = new ArrayList<>(k);
    for (int v : top) out.add(g.label(v));
    return out;
  }
}
