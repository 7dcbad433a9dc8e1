package org.mirabella.analysis.community;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition of a network's nodes into communities numbered {@code 0..count-1}, with its
 * modularity. Immutable.
 */
public final class Communities {
  private final int[] membership;
  private final int count;
  private final double modularity;

  Communities(int[] membership, int count, double modularity) {
    this.membership = membership;
    this.count = count;
    this.modularity = modularity;
  }

  public int communityOf(int node) {
    return membership[node];
  }

  public int count() {
    return count;
  }

  /** Newman–Girvan modularity of this partition (at the resolution it was found with). */
  public double modularity() {
    return modularity;
  }

  /** A copy of the membership array. */
  public int[] membership() {
    return membership.clone();
  }

  /** The nodes of each community, in node order. */
  public List<List<Integer>> groups() {
    List<List<Integer>> out = new ArrayList<>();
    for (int c = 0; c < count; c++) out.add(new ArrayList<>());
    for (int v = 0; v < membership.length; v++) out.get(membership[v]).add(v);
    return out.stream().map(List::copyOf).toList();
  }
}
