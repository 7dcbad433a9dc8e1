package org.mirabella.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mirabella.matching.Blocker;
import org.mirabella.matching.CandidatePairs;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.StoredModel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

/**
 * Fits a match model for statements that have no store (a bulk load of partner files), as
 * {@code mirabella xref --refit} fits one over a store ({@code MatchModels.refit}): the core's
 * {@link Blocker} over the matchable records, {@link MatcherV1#fit} (u from random pairs, EM over
 * the blocked pairs), {@link StoredModel#of} for the levels and common values. The fit runs on the
 * driver, which holds the records' keys: up to {@code maxRecords} of them (all of a store the size
 * the application fits in process), beyond that an even sample by a hash of the entity id. The stop
 * keys (blocking keys held by more than {@link Blocker#DEFAULT_MAX_BLOCK} records) are always counted
 * over all records, on the executors, so both engines skip the same keys. With every record on the
 * driver the model is the one {@code MatchModels.refit} stores for the same entities.
 */
final class DriverFit {
  private DriverFit() {}

  /** What the fit used. */
  record Fitted(StoredModel model, long records, long sampled) {}

  static Fitted fit(SparkXref job, Dataset<Row> statements, int maxRecords, String by) {
    Dataset<Row> entities = job.entities(statements).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      long records = entities.count();
      Dataset<Row> picked = entities;
      if (records > maxRecords) {
        // an even sample, the same on every run: the entity id's hash below a bound
        double fraction = (double) maxRecords / records;
        long bound = (long) (fraction * 0x1_0000_0000L);
        picked = entities.filter((org.apache.spark.api.java.function.FilterFunction<Row>) r ->
            (Integer.toUnsignedLong(r.getString(0).hashCode() * 0x9E3779B9) < bound));
      }
      List<MatchKeys> keys = new ArrayList<>();
      for (Row r : picked.collectAsList()) keys.add(SparkXref.keysOf(r));
      // the store's refit reads the ids in its primary key's order
      keys.sort(Comparator.comparing(MatchKeys::id));
      CandidatePairs candidates = new Blocker().dedupe(keys);
      MatcherV1 fitted = MatcherV1.fit(keys, candidates);
      StoredModel model = StoredModel.of(1, fitted, keys, candidates.size(), Math.min(candidates.size(), MatcherV1.emSample()),
          Instant.now(), by, Blocker.DEFAULT_MAX_BLOCK);
      if (keys.size() < records) model = model.withStopKeys(stopKeys(entities));
      return new Fitted(model, records, keys.size());
    } finally {
      entities.unpersist();
    }
  }

  private static final StructType KEY = new StructType().add("mkey", DataTypes.StringType, false);

  /** {@link StoredModel#stopKeys} over every record, counted on the executors. */
  static Map<String, Long> stopKeys(Dataset<Row> entities) {
    Dataset<Row> keys = entities.flatMap((FlatMapFunction<Row, Row>) r -> {
      // each record's distinct stored keys, as StoredModel counts them (its own cut and dedupe)
      List<Row> out = new ArrayList<>();
      for (String k : StoredModel.stopKeys(List.of(SparkXref.keysOf(r)), 0).keySet()) out.add(RowFactory.create(k));
      return out.iterator();
    }, org.apache.spark.sql.Encoders.row(KEY));
    List<Row> common = keys.groupBy("mkey").agg(count("*").as("n")).filter(col("n").gt(Blocker.DEFAULT_MAX_BLOCK))
        .sort("mkey").collectAsList();
    Map<String, Long> out = new LinkedHashMap<>();
    for (Row r : common) out.put(r.getString(0), r.getLong(1));
    return out;
  }
}
