package org.mirabella.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.CrossMatchRules;
import org.mirabella.matching.engine.StoredModel;

/**
 * The benchmark's in-process reference on bulk-loaded data (no store to run {@code CrossMatcher}
 * on): the candidate pairs Spark found (an even sample of at most {@code maxPairs}, by the left
 * id's hash) scored on one thread of the driver with the core's {@link CrossMatchRules#score}, each
 * entity's keys built once, as the in-process engine scores. It measures the per-pair work without
 * Spark (thread CPU time), and checks that every hit Spark found among those pairs is the one the
 * core gives (score to the last bit, band, kinds, explanations).
 */
final class InProcessScoring {
  private InProcessScoring() {}

  record Report(long pairs, long entities, double keysCpu, double scoreCpu, long hits, long sparkHits, long same, long allPairs,
      boolean compared) {
    String describe() {
      return String.format(Locale.ROOT, "in-process scoring (one thread, CrossMatchRules.score)  pairs %,d of Spark's %,d  entities %,d  "
              + "keys CPU %.1f s  scoring CPU %.1f s  %,.0f pairs per CPU-second (scoring), %,.0f with the keys  hits %,d; %s",
          pairs, allPairs, entities, keysCpu, scoreCpu, pairs / scoreCpu, pairs / (scoreCpu + keysCpu), hits,
          compared ? String.format(Locale.ROOT, "Spark's hits among these pairs identical: %,d of %,d", same, sparkHits)
              : "no Spark run in this process to compare with");
    }
  }

  static Report run(SparkXref job, Dataset<Row> statements, Optional<StoredModel> model, SparkXref.Result spark) {
    return run(job, statements, model, spark, 300_000);
  }

  /** {@code spark} may be null (no Spark run to compare with): then only the in-process figures are reported. */
  static Report run(SparkXref job, Dataset<Row> statements, Optional<StoredModel> model, SparkXref.Result spark, int maxPairs) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(statements.sparkSession().sparkContext());
    Broadcast<String> text = jsc.broadcast(model.map(StoredModel::encode).orElseGet(StoredModel::encodeNone));
    Dataset<Row> entities = job.entities(statements).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> candidates = null;
    try {
      // kept: counted, then sampled (without it the sample's read would make every candidate again)
      candidates = job.candidates(entities, text).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> pairs = candidates;
      long all = pairs.count();
      if (all > maxPairs) {
        long bound = (long) ((double) maxPairs / all * 0x1_0000_0000L);
        pairs = pairs.filter((FilterFunction<Row>) r -> Integer.toUnsignedLong(r.getString(0).hashCode() * 0x9E3779B9) < bound);
      }
      List<String[]> sample = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Row r : pairs.collectAsList()) {
        sample.add(new String[] {r.getString(0), r.getString(2)});
        ids.add(r.getString(0));
        ids.add(r.getString(2));
      }
      Broadcast<Set<String>> wanted = jsc.broadcast(ids);
      List<Row> rows = entities.filter((FilterFunction<Row>) r -> wanted.value().contains(r.getString(0))).collectAsList();

      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      MatcherV1 matcher = model.map(StoredModel::matcher).orElseGet(MatcherV1::new);
      long c0 = threads.getCurrentThreadCpuTime();
      Map<String, MatchKeys> keys = new HashMap<>();
      for (Row r : rows) keys.put(r.getString(0), SparkXref.keysOf(r));
      long c1 = threads.getCurrentThreadCpuTime();
      Map<String, CrossMatchRules.Outcome> found = new HashMap<>();
      for (String[] p : sample) {
        CrossMatchRules.Outcome o = CrossMatchRules.score(matcher, keys.get(p[0]), keys.get(p[1]));
        if (o != null) found.put(o.leftId() + " " + o.rightId(), o);
      }
      long c2 = threads.getCurrentThreadCpuTime();

      Set<String> sampled = new HashSet<>();
      for (String[] p : sample) sampled.add(p[0] + " " + p[1]);
      long sparkHits = 0;
      long same = 0;
      for (CrossMatchRules.Outcome o : spark == null ? List.<CrossMatchRules.Outcome>of() : spark.hits()) {
        String k = o.leftId() + " " + o.rightId();
        if (!sampled.contains(k)) continue;
        sparkHits++;
        if (o.equals(found.get(k))) same++;
      }
      wanted.destroy();
      return new Report(sample.size(), rows.size(), (c1 - c0) / 1e9, (c2 - c1) / 1e9, found.size(), sparkHits, same, all, spark != null);
    } finally {
      if (candidates != null) candidates.unpersist();
      entities.unpersist();
      text.destroy();
    }
  }
}
