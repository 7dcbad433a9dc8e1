package org.mirabella.analysis.scoring;

import java.util.Arrays;
import org.mirabella.analysis.graph.Network;

/**
 * One source's step of Brandes' algorithm (Brandes 2001, "A faster algorithm for betweenness
 * centrality", J. Math. Sociol. 25(2)): a shortest-path search from {@code s} counting paths
 * (sigma), then back-propagation of dependencies (delta) in reverse settling order. O(m) with BFS,
 * O(m log m) with Dijkstra. Reusable scratch arrays: one kernel per thread.
 *
 * <p>Floating-point order is deliberately networkx's ({@code _single_source_shortest_path_basic},
 * {@code _single_source_dijkstra_path_basic}, {@code _accumulate_basic}): nodes settle in the same
 * order (BFS queue order; Dijkstra pops by (distance, push counter) with the same push rule) and
 * each delta[v] receives its terms in the same order, so sums are bit-identical to networkx's when
 * sources are taken in node order. Published disruption curves break ties on these exact values.
 */
final class BrandesKernel {
  /** The network's CSR arrays, shared read-only by all kernels of one computation. */
  record Csr(int[] offsets, int[] targets, double[] weights) {
    static Csr of(Network g) {
      return new Csr(g.offsetsCopy(), g.targetsCopy(), g.weightsCopy());
    }
  }

  private final int[] off;
  private final int[] tgt;
  private final double[] wts; // null: every weight 1
  private final boolean weighted;
  private final int[] order; // settling order (networkx's stack S)
  private final double[] sigma; // weighted only
  private final double[] delta; // weighted only
  private final double[] sd; // unweighted only: sigma, delta interleaved
  /**
   * BFS level modulo 3, or {@link #UNSEEN}. Neighbours' levels differ by at most one, so level mod 3
   * is enough to tell a predecessor (one level up) from a sibling or successor; a byte per node
   * keeps the array in cache (100 KB for 100,000 nodes) where most of the time goes.
   */
  private final byte[] hops;
  private static final byte UNSEEN = 3;
  private static final byte[] UP = {2, 0, 1}; // (level - 1) mod 3
  private static final byte[] DOWN = {1, 2, 0}; // (level + 1) mod 3
  private final double[] dist; // Dijkstra: tentative distance ("seen"), NaN unseen
  private final boolean[] settled;
  // Dijkstra heap: entries (key, seq, node)
  private double[] hKey = new double[0];
  private long[] hSeq = new long[0];
  private int[] hNode = new int[0];
  private int hSize;

  BrandesKernel(Csr g, boolean weighted) {
    this.off = g.offsets();
    this.tgt = g.targets();
    this.wts = g.weights();
    this.weighted = weighted;
    int n = off.length - 1;
    order = new int[n];
    sigma = weighted ? new double[n] : null;
    delta = weighted ? new double[n] : null;
    sd = weighted ? null : new double[2 * n];
    if (weighted) {
      hops = null;
      dist = new double[n];
      settled = new boolean[n];
      Arrays.fill(dist, Double.NaN);
      int cap = Math.max(16, n);
      hKey = new double[cap];
      hSeq = new long[cap];
      hNode = new int[cap];
    } else {
      hops = new byte[n];
      Arrays.fill(hops, UNSEEN);
      dist = null;
      settled = null;
    }
  }

  /** Adds {@code delta_s(v)} to {@code bc[v]} for every v != s. */
  void accumulate(int s, double[] bc) {
    if (weighted) {
      int count = dijkstra(s);
      for (int k = count - 1; k >= 0; k--) {
        int w = order[k];
        double coeff = (1 + delta[w]) / sigma[w];
        double dw = dist[w];
        for (int i = off[w], end = off[w + 1]; i < end; i++) {
          int v = tgt[i];
          double dv = dist[v];
          if (v != w && dv < dw && dv + weight(i) == dw) delta[v] += sigma[v] * coeff;
        }
        if (w != s) bc[w] += delta[w];
      }
      reset(count);
    } else {
      // sigma and delta of node v interleaved at sd[2v], sd[2v + 1]: one cache line per predecessor
      final double[] sd = this.sd;
      final byte[] hops = this.hops;
      int count = bfs(s);
      for (int k = count - 1; k >= 0; k--) {
        int w = order[k];
        double coeff = (1 + sd[2 * w + 1]) / sd[2 * w];
        byte up = UP[hops[w]];
        for (int i = off[w], end = off[w + 1]; i < end; i++) {
          int v = tgt[i];
          if (hops[v] == up) sd[2 * v + 1] += sd[2 * v] * coeff;
        }
        if (w != s) bc[w] += sd[2 * w + 1];
      }
      if (count > order.length / 8) {
        Arrays.fill(sd, 0.0);
        Arrays.fill(hops, UNSEEN);
      } else {
        for (int k = 0; k < count; k++) {
          int v = order[k];
          sd[2 * v] = 0;
          sd[2 * v + 1] = 0;
          hops[v] = UNSEEN;
        }
      }
    }
  }

  private double weight(int i) {
    return wts == null ? 1.0 : wts[i];
  }

  private void reset(int count) {
    for (int k = 0; k < count; k++) {
      int v = order[k];
      sigma[v] = 0;
      delta[v] = 0;
      dist[v] = Double.NaN;
      settled[v] = false;
    }
  }

  private int bfs(int s) {
    final byte[] hops = this.hops;
    final double[] sd = this.sd;
    final int[] order = this.order;
    int head = 0;
    int tail = 0;
    order[tail++] = s;
    hops[s] = 0;
    sd[2 * s] = 1.0;
    while (head < tail) {
      int v = order[head++];
      byte hv = DOWN[hops[v]];
      double sv = sd[2 * v];
      for (int i = off[v], end = off[v + 1]; i < end; i++) {
        int w = tgt[i];
        byte hw = hops[w];
        if (hw == UNSEEN) {
          hops[w] = hv;
          order[tail++] = w;
          sd[2 * w] += sv;
        } else if (hw == hv) {
          sd[2 * w] += sv;
        }
      }
    }
    return tail;
  }

  private int dijkstra(int s) {
    long seq = 0;
    int count = 0;
    hSize = 0;
    dist[s] = 0.0;
    sigma[s] = 1.0;
    push(0.0, seq++, s);
    while (hSize > 0) {
      double d = hKey[0];
      int v = hNode[0];
      pop();
      if (settled[v]) continue;
      settled[v] = true;
      order[count++] = v; // every node given a distance is settled before the heap empties
      double sv = sigma[v];
      for (int i = off[v], end = off[v + 1]; i < end; i++) {
        int w = tgt[i];
        double vw = d + weight(i);
        if (!settled[w] && (Double.isNaN(dist[w]) || vw < dist[w])) {
          dist[w] = vw;
          sigma[w] = sv;
          push(vw, seq++, w);
        } else if (vw == dist[w] && !settled[w]) {
          sigma[w] += sv;
        }
      }
    }
    return count;
  }

  private void push(double key, long seq, int node) {
    if (hSize == hKey.length) {
      int cap = hKey.length * 2;
      hKey = Arrays.copyOf(hKey, cap);
      hSeq = Arrays.copyOf(hSeq, cap);
      hNode = Arrays.copyOf(hNode, cap);
    }
    int i = hSize++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!less(key, seq, hKey[p], hSeq[p])) break;
      hKey[i] = hKey[p];
      hSeq[i] = hSeq[p];
      hNode[i] = hNode[p];
      i = p;
    }
    hKey[i] = key;
    hSeq[i] = seq;
    hNode[i] = node;
  }

  private void pop() {
    int last = --hSize;
    if (last == 0) return;
    double key = hKey[last];
    long seq = hSeq[last];
    int node = hNode[last];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && less(hKey[c + 1], hSeq[c + 1], hKey[c], hSeq[c])) c++;
      if (!less(hKey[c], hSeq[c], key, seq)) break;
      hKey[i] = hKey[c];
      hSeq[i] = hSeq[c];
      hNode[i] = hNode[c];
      i = c;
    }
    hKey[i] = key;
    hSeq[i] = seq;
    hNode[i] = node;
  }

  private static boolean less(double k1, long s1, double k2, long s2) {
    return k1 < k2 || (k1 == k2 && s1 < s2);
  }
}
