package org.mirabella.xref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MatchPoolTest {
  @Test
  void aServerLeavesOneCoreToRequestsAndParallelWorkRunsOnMatchingsThreadsOnly() {
    MatchPool.reserveOneCoreForRequests();
    assertThat(MatchPool.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    Set<String> threads = ConcurrentHashMap.newKeySet();
    long sum = MatchPool.run(() -> IntStream.range(0, 10_000).parallel().peek(i -> threads.add(Thread.currentThread().getName())).asLongStream().sum());
    assertThat(sum).isEqualTo(49_995_000L);
    // parallel streams started inside the pool use its workers, never the common pool's
    assertThat(threads).isNotEmpty().noneMatch(n -> n.contains("commonPool"));
    assertThat(threads.size()).isLessThanOrEqualTo(MatchPool.threads());
  }
}
