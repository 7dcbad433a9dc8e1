package org.mirabella.analysis.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mirabella.analysis.graph.Network;

/**
 * All simple paths (no node twice) of at most {@code maxLength} edges between two nodes: every way
 * two entities are connected within k steps, not only the shortest. Depth-first search from the
 * source that only steps to a node x at depth d when d + dist(x, target) ≤ k, with dist from one
 * BFS from the target (bounded at k): no branch is explored that cannot reach the target in time,
 * so the work is O(m + P·k) for P paths found rather than all walks of length k. The number of
 * paths can grow exponentially with k; {@code maxPaths} caps the answer and {@link
 * Result#truncated()} says when the cap was hit.
 *
 * <p>Hand-written rather than JGraphT's {@code AllDirectedPaths}: that one is for directed graphs,
 * builds its paths as edge lists of boxed objects and has no cap on their number.
 */
public final class SimplePaths {
  private final Network network;

  public SimplePaths(Network network) {
    if (network == null) throw new IllegalArgumentException("network must not be null");
    this.network = network;
  }

  /** The paths found, shortest first (then in search order), and whether {@code maxPaths} cut the search. */
  public record Result(List<ShortestPaths.Path> paths, boolean truncated) {
    public Result {
      paths = List.copyOf(paths);
    }
  }

  /**
   * Simple paths from {@code source} to {@code target} of 1..{@code maxLength} edges (the single
   * path of length 0 when source = target), at most {@code maxPaths} of them.
   */
  public Result between(int source, int target, int maxLength, int maxPaths) {
    int n = network.nodeCount();
    if (source < 0 || source >= n) throw new IllegalArgumentException("source node " + source + " not in network of " + n + " nodes");
    if (target < 0 || target >= n) throw new IllegalArgumentException("target node " + target + " not in network of " + n + " nodes");
    if (maxLength < 0) throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
    if (maxPaths < 1) throw new IllegalArgumentException("maxPaths must be >= 1: " + maxPaths);
    List<ShortestPaths.Path> out = new ArrayList<>();
    if (source == target) {
      out.add(new ShortestPaths.Path(List.of(source), 0));
      return new Result(out, false);
    }
    int[] toTarget = distancesTo(target, maxLength);
    if (toTarget[source] < 0) return new Result(out, false);

    int[] path = new int[maxLength + 1];
    int[] cursor = new int[maxLength + 1]; // next adjacency index to try at each depth
    boolean[] onPath = new boolean[n];
    path[0] = source;
    onPath[source] = true;
    cursor[0] = network.offset(source);
    int depth = 0;
    boolean truncated = false;
    search:
    while (depth >= 0) {
      int x = path[depth];
      int end = network.offset(x + 1);
      boolean stepped = false;
      while (cursor[depth] < end) {
        int y = network.target(cursor[depth]++);
        if (onPath[y] || toTarget[y] < 0 || depth + 1 + toTarget[y] > maxLength) continue;
        if (y == target) {
          if (out.size() == maxPaths) {
            truncated = true;
            break search;
          }
          int[] nodes = Arrays.copyOf(path, depth + 2);
          nodes[depth + 1] = y;
          out.add(new ShortestPaths.Path(Arrays.stream(nodes).boxed().toList(), depth + 1));
          continue;
        }
        depth++;
        path[depth] = y;
        onPath[y] = true;
        cursor[depth] = network.offset(y);
        stepped = true;
        break;
      }
      if (!stepped) {
        onPath[path[depth]] = false;
        depth--;
      }
    }
    out.sort(Comparator.comparingDouble(ShortestPaths.Path::length)); // stable: search order within a length
    return new Result(out, truncated);
  }

  /** Hop distances to {@code target}, -1 beyond {@code limit} or unreachable. */
  private int[] distancesTo(int target, int limit) {
    int n = network.nodeCount();
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    queue[tail++] = target;
    dist[target] = 0;
    while (head < tail) {
      int v = queue[head++];
      if (dist[v] == limit) continue;
      for (int i = network.offset(v), e = network.offset(v + 1); i < e; i++) {
        int w = network.target(i);
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    return dist;
  }
}
