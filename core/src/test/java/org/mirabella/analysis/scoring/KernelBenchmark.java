package org.mirabella.analysis.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.mirabella.analysis.NetworkBenchmark;
import org.mirabella.analysis.graph.Network;

/**
 * CPU per source of the two Brandes kernels on the same sources of a Barabási–Albert graph, one
 * thread, and the largest difference between their sums. Not a test: run by hand, e.g.
 * {@code java -cp core/target/classes:core/target/test-classes org.mirabella.analysis.scoring.KernelBenchmark 100000 5 400}.
 */
public final class KernelBenchmark {
  private KernelBenchmark() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int m = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    Network g = NetworkBenchmark.barabasiAlbert(n, m, 1);
    BrandesKernel.Csr csr = BrandesKernel.Csr.of(g);
    String order = System.getProperty("order", "none");
    BrandesKernel.Csr fastCsr = switch (order) {
      case "degree" -> LocalityOrder.permute(csr, LocalityOrder.byDegree(csr));
      case "bfs" -> LocalityOrder.permute(csr, LocalityOrder.breadthFirst(csr));
      default -> csr;
    };
    int[] sources = new int[k];
    for (int i = 0; i < k; i++) sources[i] = (int) ((long) i * n / k);
    if (System.getProperty("compare", "nx").equals("v1")) {
      levelAgainstV1(fastCsr, sources);
      return;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      double[] a = new double[n];
      double[] b = new double[n];
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      BetweennessCentrality.DependencyStep nx = BetweennessCentrality.kernel(csr, false, true);
      for (int s : sources) nx.accumulate(s, a);
      long c1 = mx.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      BetweennessCentrality.DependencyStep fast = BetweennessCentrality.kernel(fastCsr, false, false);
      for (int s : sources) fast.accumulate(s, b);
      long c2 = mx.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      double diff = 0;
      for (int v = 0; v < n; v++) diff = Math.max(diff, Math.abs(a[v] - b[v]) / Math.max(1, Math.abs(a[v])));
      System.out.println(String.format(Locale.ROOT,
          "round %d, %d sources, 1 thread: networkx-order kernel %.2f ms CPU/source (%.2f wall), level kernel %.2f ms "
              + "CPU/source (%.2f wall), ratio %.2fx; max relative diff %.2e; load average %.2f",
          round, k, (c1 - c0) / 1e6 / k, (t1 - t0) / 1e6 / k, (c2 - c1) / 1e6 / k, (t2 - t1) / 1e6 / k,
          (double) (c1 - c0) / (c2 - c1), diff, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }
  }

  /** The level kernel before (V1, push-only) and after the direction choice, on the same sources. */
  private static void levelAgainstV1(BrandesKernel.Csr csr, int[] sources) {
    int n = csr.offsets().length - 1;
    int count = sources.length;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 3; round++) {
      double[] a = new double[n];
      double[] b = new double[n];
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      LevelBrandesKernelV1 v1 = new LevelBrandesKernelV1(csr);
      for (int s : sources) v1.accumulate(s, a);
      long c1 = mx.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      LevelBrandesKernel level = new LevelBrandesKernel(csr);
      for (int s : sources) level.accumulate(s, b);
      long c2 = mx.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      double diff = 0;
      for (int v = 0; v < n; v++) diff = Math.max(diff, Math.abs(a[v] - b[v]) / Math.max(1, Math.abs(a[v])));
      System.out.println(String.format(Locale.ROOT,
          "round %d, %d sources, 1 thread: push-only level kernel %.2f ms CPU/source (%.2f wall), direction-choosing "
              + "level kernel %.2f ms CPU/source (%.2f wall), ratio %.2fx; max relative diff %.2e; load average %.2f",
          round, count, (c1 - c0) / 1e6 / count, (t1 - t0) / 1e6 / count, (c2 - c1) / 1e6 / count,
          (t2 - t1) / 1e6 / count, (double) (c1 - c0) / (c2 - c1), diff,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }
  }
}
