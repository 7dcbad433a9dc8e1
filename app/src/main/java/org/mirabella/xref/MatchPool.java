package org.mirabella.xref;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The threads that matching's parallel work (keying a batch, scoring its pairs) runs on. On the
 * command line that is every core. A server keeps one core for the analysts' requests: an import
 * uploaded during a joint action day is matched on the others, so that its scoring bursts do not
 * take both cores from searches and profiles. (Measured with the load benchmark, 200 interactive
 * analysts and an import on the demo store: search p95 332 ms with matching on both cores, 191 ms
 * with it on one; without an import 33 ms.)
 */
public final class MatchPool {
  private static volatile ForkJoinPool pool = new ForkJoinPool(configured(Runtime.getRuntime().availableProcessors()));

  /**
   * Threads to match on: {@code -Dmirabella.match.threads=N} when given (1 runs matching on one
   * thread, e.g. to compare), otherwise {@code cores}; at least 1, at most 4 × the cores.
   */
  static int configured(int cores) {
    int n = Integer.getInteger("mirabella.match.threads", cores);
    return Math.max(1, Math.min(n, 4 * Runtime.getRuntime().availableProcessors()));
  }

  private MatchPool() {}

  /** Matching uses all cores but one from now on (at least one): what a server calls as it starts. */
  public static synchronized void reserveOneCoreForRequests() {
    int threads = configured(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    if (pool.getParallelism() == threads) return;
    ForkJoinPool old = pool;
    pool = new ForkJoinPool(threads);
    old.shutdown();
  }

  /** Threads matching runs on now. */
  public static int threads() {
    return pool.getParallelism();
  }

  /** Matching's threads now (a matcher given its own thread count has its own pool instead). */
  static ForkJoinPool pool() {
    return pool;
  }

  /** Starts {@code work} (which may use parallel streams) on matching's threads; {@link #awaitAll} waits for it. */
  static java.util.concurrent.Future<?> submit(Runnable work) {
    return pool.submit(work);
  }

  /** Waits for work started by {@link #submit}; the first failure is thrown as it was (unchecked) once all have ended. */
  static void awaitAll(java.util.List<java.util.concurrent.Future<?>> started) {
    RuntimeException first = null;
    for (java.util.concurrent.Future<?> f : started) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        RuntimeException r = e.getCause() instanceof RuntimeException x ? x : new IllegalStateException(e.getCause());
        if (first == null) first = r;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while matching", e);
      }
    }
    if (first != null) throw first;
  }

  /** Runs {@code work} (which may use parallel streams) on matching's threads and returns its result. */
  static <T> T run(Supplier<T> work) {
    return run(pool, work);
  }

  /** {@link #run(Supplier)} on the given threads. */
  static <T> T run(ForkJoinPool on, Supplier<T> work) {
    return on.submit(work::get).join();
  }
}
