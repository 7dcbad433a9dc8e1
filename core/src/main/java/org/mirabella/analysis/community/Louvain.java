package org.mirabella.analysis.community;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mirabella.analysis.graph.Network;

/**
 * Community detection by the Louvain method (Blondel, Guillaume, Lambiotte &amp; Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008): repeat local moving
 * (each node joins the neighbouring community of largest modularity gain, until no move helps; with
 * the queue of Ozaki et al. 2016, only neighbours of moved nodes are revisited) and aggregation
 * (communities become nodes), until a level changes nothing. Weighted when the network is. O(m)
 * per sweep, few sweeps in practice; O(n + m) memory. Nodes are visited in a random order fixed by {@code
 * seed}, so results are reproducible. Hand-written: JGraphT 1.5.2 has no Louvain or Leiden.
 *
 * <p>Louvain can leave communities internally disconnected (Traag et al. 2019 propose Leiden for
 * that); the modularity reported is that of the final partition of the original nodes.
 */
public final class Louvain {
  private final Network network;
  private final double resolution;
  private final long seed;
  private Communities result;

  public Louvain(Network network) {
    this(network, 1.0);
  }

  public Louvain(Network network, double resolution) {
    this(network, resolution, 42L);
  }

  public Louvain(Network network, double resolution, long seed) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    if (!(resolution > 0)) throw new IllegalArgumentException("resolution must be > 0: " + resolution);
    this.network = network;
    this.resolution = resolution;
    this.seed = seed;
  }

  public Communities communities() {
    if (result == null) result = run();
    return result;
  }

  /** One level: adjacency without self-loops, plus loop[i] = A_ii (twice the internal weight). */
  record Level(int[] offsets, int[] targets, double[] weights, double[] loop, double[] strength) {
    int size() {
      return loop.length;
    }
  }

  private Communities run() {
    int n = network.nodeCount();
    int[] membership = new int[n];
    for (int v = 0; v < n; v++) membership[v] = v;
    Level level = fromNetwork(network);
    SplittableRandom rnd = new SplittableRandom(seed);
    double twoM = 0;
    for (double s : level.strength()) twoM += s;
    while (twoM > 0) {
      int[] comm = moveNodes(level, twoM, rnd);
      int count = renumber(comm);
      if (count == level.size()) break;
      for (int v = 0; v < n; v++) membership[v] = comm[membership[v]];
      level = aggregate(level, comm, count);
    }
    int count = renumber(membership);
    return new Communities(membership, count, Modularity.of(network, membership, resolution));
  }

  static Level fromNetwork(Network network) {
    int n = network.nodeCount();
    int[] offsets = new int[n + 1];
    double[] loop = new double[n];
    double[] strength = new double[n];
    int entries = 0;
    for (int v = 0; v < n; v++) {
      for (int i = network.offset(v); i < network.offset(v + 1); i++) if (network.target(i) != v) entries++;
    }
    int[] targets = new int[entries];
    double[] weights = new double[entries];
    int p = 0;
    for (int v = 0; v < n; v++) {
      offsets[v] = p;
      for (int i = network.offset(v); i < network.offset(v + 1); i++) {
        int u = network.target(i);
        if (u == v) {
          loop[v] += 2 * network.weight(i);
        } else {
          targets[p] = u;
          weights[p++] = network.weight(i);
        }
      }
      strength[v] = network.strength(v);
    }
    offsets[n] = p;
    return new Level(offsets, targets, weights, loop, strength);
  }

  private int[] moveNodes(Level g, double twoM, SplittableRandom rnd) {
    int n = g.size();
    int[] comm = new int[n];
    double[] tot = new double[n];
    for (int v = 0; v < n; v++) {
      comm[v] = v;
      tot[v] = g.strength()[v];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] neighWeight = new double[n];
    Arrays.fill(neighWeight, -1);
    int[] neighComms = new int[n];
    // Queue-based local moving (Ozaki, Tezuka & Inaba 2016; the "fast local move" of Leiden,
    // Traag et al. 2019): start with every node queued in random order; when a node moves, queue
    // its neighbours outside its new community. Ends when no queued node wants to move.
    int[] queue = new int[n];
    boolean[] queued = new boolean[n];
    for (int i = 0; i < n; i++) {
      queue[i] = order[i];
      queued[order[i]] = true;
    }
    int head = 0;
    int size = n;
    long budget = 100L * n; // safety net: at most 100 visits per node
    while (size > 0 && budget-- > 0) {
      int v = queue[head];
      head = head + 1 == n ? 0 : head + 1;
      size--;
      queued[v] = false;
      int own = comm[v];
      double kv = g.strength()[v];
      int found = 0;
      neighWeight[own] = 0;
      neighComms[found++] = own;
      for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
        int c = comm[g.targets()[i]];
        if (neighWeight[c] < 0) {
          neighWeight[c] = 0;
          neighComms[found++] = c;
        }
        neighWeight[c] += g.weights()[i];
      }
      tot[own] -= kv;
      int best = own;
      double bestGain = neighWeight[own] - resolution * tot[own] * kv / twoM;
      for (int k = 1; k < found; k++) {
        int c = neighComms[k];
        double gain = neighWeight[c] - resolution * tot[c] * kv / twoM;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = c;
        }
      }
      tot[best] += kv;
      for (int k = 0; k < found; k++) neighWeight[neighComms[k]] = -1;
      if (best != own) {
        comm[v] = best;
        for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
          int u = g.targets()[i];
          if (!queued[u] && comm[u] != best) {
            queued[u] = true;
            int tail = head + size;
            queue[tail >= n ? tail - n : tail] = u;
            size++;
          }
        }
      }
    }
    return comm;
  }

  /** Renumbers community ids to 0..count-1 in order of first occurrence; returns count. */
  static int renumber(int[] comm) {
    int[] map = new int[comm.length];
    Arrays.fill(map, -1);
    int count = 0;
    for (int i = 0; i < comm.length; i++) {
      if (map[comm[i]] < 0) map[comm[i]] = count++;
      comm[i] = map[comm[i]];
    }
    return count;
  }

  static Level aggregate(Level g, int[] comm, int count) {
    int n = g.size();
    // nodes grouped by community (counting sort)
    int[] start = new int[count + 1];
    for (int v = 0; v < n; v++) start[comm[v] + 1]++;
    for (int c = 0; c < count; c++) start[c + 1] += start[c];
    int[] members = new int[n];
    int[] fill = Arrays.copyOf(start, count);
    for (int v = 0; v < n; v++) members[fill[comm[v]]++] = v;

    double[] loop = new double[count];
    double[] strength = new double[count];
    int[] offsets = new int[count + 1];
    int[] targets = new int[g.targets().length];
    double[] weights = new double[g.targets().length];
    double[] acc = new double[count];
    Arrays.fill(acc, -1);
    int[] seen = new int[count];
    int p = 0;
    for (int c = 0; c < count; c++) {
      offsets[c] = p;
      int found = 0;
      for (int k = start[c]; k < start[c + 1]; k++) {
        int v = members[k];
        loop[c] += g.loop()[v];
        strength[c] += g.strength()[v];
        for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
          int d = comm[g.targets()[i]];
          if (d == c) {
            loop[c] += g.weights()[i];
            continue;
          }
          if (acc[d] < 0) {
            acc[d] = 0;
            seen[found++] = d;
          }
          acc[d] += g.weights()[i];
        }
      }
      for (int k = 0; k < found; k++) {
        targets[p] = seen[k];
        weights[p++] = acc[seen[k]];
        acc[seen[k]] = -1;
      }
    }
    offsets[count] = p;
    return new Level(offsets, Arrays.copyOf(targets, p), Arrays.copyOf(weights, p), loop, strength);
  }
}
