package org.mirabella.analysis.roles;

import java.util.EnumMap;
import java.util.Map;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.scoring.NodeScores;

/**
 * Brokerage roles (Gould &amp; Fernandez 1989, "Structures of mediation: a formal approach to
 * brokerage in transaction networks", Sociological Methodology 19, 89–126): for every node b, the
 * number of pairs (a, c) it brokers, a–b and b–c tied, a–c not, classified by the groups of a, b
 * and c into the five {@link BrokerageRole}s.
 *
 * <p>The network is undirected, so every tie runs both ways and each open pair is counted as two
 * ordered pairs, (a, c) and (c, a), as {@code sna::brokerage} in R does on symmetric data: a pair
 * counts once as coordinator, itinerant or liaison in each direction, and a pair with one end in
 * b's group counts once as gatekeeper and once as representative. Nodes with no group (null) are
 * left out of every triad they are part of. Raw counts, not the z-scores against a random
 * assignment of groups that Gould and Fernandez also propose.
 *
 * <p>O(Σ_b Σ_{a∈N(b)} deg(a)): for each b, mark the neighbours of each neighbour a, then test
 * each other neighbour c. Hand-written: neither JGraphT nor another Java graph library has it.
 */
public final class BrokerageRoles {
  private final Network network;
  private final String[] groups;
  private long[][] counts; // [role][node]

  /**
   * @param groups the group of each node, indexed like the network's nodes ({@code null}: unknown)
   */
  public BrokerageRoles(Network network, String[] groups) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (groups == null || groups.length != network.nodeCount()) {
      throw new IllegalArgumentException("groups: need one entry per node (" + network.nodeCount() + "), got "
          + (groups == null ? "null" : groups.length));
    }
    this.network = network;
    this.groups = groups.clone();
  }

  /** Groups looked up by node label; labels missing from the map have no group. */
  public static BrokerageRoles byLabel(Network network, Map<String, String> groupOfLabel) {
    String[] groups = new String[network.nodeCount()];
    for (int v = 0; v < groups.length; v++) groups[v] = groupOfLabel.get(network.label(v));
    return new BrokerageRoles(network, groups);
  }

  /** How many ordered pairs node {@code v} brokers in {@code role}. */
  public long count(int v, BrokerageRole role) {
    return counts()[role.ordinal()][v];
  }

  /** All five counts of node {@code v}. */
  public Map<BrokerageRole, Long> counts(int v) {
    Map<BrokerageRole, Long> out = new EnumMap<>(BrokerageRole.class);
    for (BrokerageRole r : BrokerageRole.values()) out.put(r, counts()[r.ordinal()][v]);
    return out;
  }

  /** Total brokered ordered pairs of node {@code v}, all roles. */
  public long total(int v) {
    long sum = 0;
    for (long[] c : counts()) sum += c[v];
    return sum;
  }

  /** One role's counts as scores, for ranking (e.g. the gatekeepers first). */
  public NodeScores scores(BrokerageRole role) {
    long[] c = counts()[role.ordinal()];
    double[] s = new double[c.length];
    for (int v = 0; v < c.length; v++) s[v] = c[v];
    return NodeScores.wrap(s);
  }

  private long[][] counts() {
    if (counts == null) counts = compute();
    return counts;
  }

  private long[][] compute() {
    int n = network.nodeCount();
    long[][] out = new long[BrokerageRole.values().length][n];
    int[] mark = new int[n]; // mark[x] == stamp: x is a neighbour of the current a
    java.util.Arrays.fill(mark, -1);
    int stamp = 0;
    for (int b = 0; b < n; b++) {
      String gb = groups[b];
      if (gb == null) continue;
      for (int i = network.offset(b), ie = network.offset(b + 1); i < ie; i++) {
        int a = network.target(i);
        if (a == b || groups[a] == null) continue;
        stamp++;
        for (int k = network.offset(a), ke = network.offset(a + 1); k < ke; k++) mark[network.target(k)] = stamp;
        for (int j = network.offset(b), je = network.offset(b + 1); j < je; j++) {
          int c = network.target(j);
          if (c == b || c == a || mark[c] == stamp || groups[c] == null) continue;
          out[BrokerageRole.of(groups[a], gb, groups[c]).ordinal()][b]++;
        }
      }
    }
    return out;
  }
}
