package org.mirabella.analysis.scoring;

import java.util.Arrays;

/**
 * Node renumberings that put nodes often touched together close in memory, and the CSR rewritten
 * in the new numbering. Hand-written: a permutation of two int arrays, O(n + m) (plus a sort by
 * degree).
 */
final class LocalityOrder {
  private LocalityOrder() {}

  /** {@code newId[v]} in descending degree order (ties by old id): hubs, touched by most paths, first. */
  static int[] byDegree(BrandesKernel.Csr g) {
    int n = g.offsets().length - 1;
    long[] keys = new long[n];
    for (int v = 0; v < n; v++) {
      long deg = g.offsets()[v + 1] - g.offsets()[v];
      keys[v] = ((Integer.MAX_VALUE - deg) << 32) | v;
    }
    Arrays.sort(keys);
    int[] newId = new int[n];
    for (int i = 0; i < n; i++) newId[(int) keys[i]] = i;
    return newId;
  }

  /**
   * Breadth-first order from the highest-degree node, each node's unseen neighbours taken by
   * descending degree, components one after another (a Cuthill–McKee order, Cuthill &amp; McKee
   * 1969, started at the hub instead of a peripheral node): neighbours get nearby numbers.
   */
  static int[] breadthFirst(BrandesKernel.Csr g) {
    int[] off = g.offsets();
    int[] tgt = g.targets();
    int n = off.length - 1;
    int[] byDeg = byDegree(g);
    int[] rank = new int[n]; // rank[i] = node with the i-th highest degree
    for (int v = 0; v < n; v++) rank[byDeg[v]] = v;
    int[] newId = new int[n];
    Arrays.fill(newId, -1);
    int[] queue = new int[n];
    long[] scratch = new long[Math.max(1, maxDegree(off))];
    int next = 0;
    for (int r = 0; r < n; r++) {
      int root = rank[r];
      if (newId[root] >= 0) continue;
      int head = next;
      newId[root] = next;
      queue[next++] = root;
      while (head < next) {
        int v = queue[head++];
        int k = 0;
        for (int i = off[v]; i < off[v + 1]; i++) {
          int w = tgt[i];
          if (newId[w] < 0) scratch[k++] = ((long) byDeg[w] << 32) | w;
        }
        Arrays.sort(scratch, 0, k);
        for (int i = 0; i < k; i++) {
          int w = (int) scratch[i];
          if (newId[w] >= 0) continue; // a repeated neighbour
          newId[w] = next;
          queue[next++] = w;
        }
      }
    }
    return newId;
  }

  private static int maxDegree(int[] off) {
    int max = 0;
    for (int v = 0; v + 1 < off.length; v++) max = Math.max(max, off[v + 1] - off[v]);
    return max;
  }

  /** The unweighted CSR renumbered by {@code newId}, each neighbour list sorted ascending. */
  static BrandesKernel.Csr permute(BrandesKernel.Csr g, int[] newId) {
    int[] off = g.offsets();
    int[] tgt = g.targets();
    int n = off.length - 1;
    int[] old = new int[n];
    for (int v = 0; v < n; v++) old[newId[v]] = v;
    int[] off2 = new int[n + 1];
    int[] tgt2 = new int[tgt.length];
    int p = 0;
    for (int nv = 0; nv < n; nv++) {
      off2[nv] = p;
      int v = old[nv];
      for (int i = off[v]; i < off[v + 1]; i++) tgt2[p++] = newId[tgt[i]];
      Arrays.sort(tgt2, off2[nv], p);
    }
    off2[n] = p;
    return new BrandesKernel.Csr(off2, tgt2, null);
  }
}
