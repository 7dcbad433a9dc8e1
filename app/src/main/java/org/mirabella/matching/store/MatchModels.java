package org.mirabella.matching.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mirabella.matching.Blocker;
import org.mirabella.matching.CandidatePairs;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.engine.StoredModel;
import org.mirabella.model.Entity;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * The fitted matching model in the store ({@code match_model*}, migration V31), versioned: m and u
 * per feature and comparison level, λ, the common values of the term-frequency adjustment, and the
 * blocking keys too common to look up. Incremental matching uses the latest version;
 * {@link #refit} fits a new one over everything held and adds it. Versions are never changed, so
 * a hit's {@code model_version} says exactly which parameters scored it. The rows are turned into a
 * matcher by the core's {@link StoredModel}, which the Spark engine uses on the same rows.
 */
public final class MatchModels {
  /** Common values kept per feature for the term-frequency adjustment. */
  static final int FREQUENCIES_PER_FEATURE = StoredModel.FREQUENCIES_PER_FEATURE;
  /** A blocking key held by more entities than this at fit time is not looked up (as the batch blocker). */
  public static final int STOP_KEY_HOLDERS = Blocker.DEFAULT_MAX_BLOCK;

  /** A stored model version, ready to score. */
  public record Stored(int version, MatcherV1 matcher, Set<String> stopKeys, long records, long pairs, Instant fittedAt) {}

  /**
   * Loaded versions by database, version and fit time: versions never change, so they can be kept
   * (the fit time tells a recreated store's version 1 from an earlier one's).
   */
  private static final Map<String, Stored> LOADED = new ConcurrentHashMap<>();

  private final Database db;

  public MatchModels(Database db) {
    this.db = db;
  }

  /** The latest stored version, or empty when none was fitted yet (matching then uses the priors). */
  public Optional<Stored> latest() {
    Optional<Map.Entry<Integer, String>> v = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT version, fitted_at FROM match_model WHERE version = (SELECT MAX(version) FROM match_model)")
        .map((rs, c) -> Map.entry(rs.getInt(1), String.valueOf(rs.getObject(2)))).findOne());
    return v.map(e -> LOADED.computeIfAbsent(db.url() + "#" + e.getKey() + "@" + e.getValue(),
        k -> db.jdbi().withHandle(h -> read(h, e.getKey()))));
  }

  /** A stored version; {@link IllegalArgumentException} when there is none. */
  public Stored load(int version) {
    return db.jdbi().withHandle(h -> read(h, version));
  }

  private static Stored read(Handle h, int version) {
    return stored(model(h, version));
  }

  /** A model version as stored, for an engine or a file ({@link StoredModel#encode()}); {@link IllegalArgumentException} when there is none. */
  public StoredModel model(int version) {
    return db.jdbi().withHandle(h -> model(h, version));
  }

  /** The latest version as stored, or empty before the first fit. */
  public Optional<StoredModel> latestModel() {
    return latest().map(s -> model(s.version()));
  }

  private static StoredModel model(Handle h, int version) {
    Map<String, Object> row = h.createQuery("SELECT * FROM match_model WHERE version = :v").bind("v", version).mapToMap().findOne()
        .orElseThrow(() -> new IllegalArgumentException("no match model version " + version));
    List<StoredModel.Level> levels = h.createQuery("SELECT feature, level_no, label, m, u FROM match_model_level WHERE version = :v "
            + "ORDER BY feature, level_no").bind("v", version)
        .map((rs, c) -> new StoredModel.Level(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5))).list();
    List<StoredModel.Frequency> freq = h.createQuery("SELECT feature, val, frequency FROM match_model_frequency WHERE version = :v "
            + "ORDER BY feature, val").bind("v", version)
        .map((rs, c) -> new StoredModel.Frequency(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
    Map<String, Long> stop = new LinkedHashMap<>();
    h.createQuery("SELECT mkey, holders FROM match_model_stop_key WHERE version = :v ORDER BY mkey").bind("v", version)
        .map((rs, c) -> stop.put(rs.getString(1), rs.getLong(2))).list();
    Object at = row.get("fitted_at");
    Instant fittedAt = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof Timestamp t ? t.toInstant()
        : Instant.parse(String.valueOf(at));
    return new StoredModel(version, String.valueOf(row.get("algorithm")), ((Number) row.get("lambda")).doubleValue(),
        ((Number) row.get("records")).longValue(), ((Number) row.get("pairs")).longValue(), ((Number) row.get("em_pairs")).longValue(),
        fittedAt, (String) row.get("fitted_by"), levels, freq, stop);
  }

  /** A stored version ready to score (the parameters rebuilt by the core, as every engine does). */
  static Stored stored(StoredModel m) {
    return new Stored(m.version(), m.matcher(), m.stopKeySet(), m.records(), m.pairs(), m.fittedAt());
  }

  /**
   * Stores a fitted model as the next version: its m/u per level, λ, common values, and the blocking
   * keys of {@code records} held by more than {@link #STOP_KEY_HOLDERS} of them.
   */
  public int save(MatcherV1 fitted, List<MatchKeys> records, long pairs, String by) {
    return save(StoredModel.of(0, fitted, records, pairs, Math.min(pairs, MatcherV1.emSample()), Instant.now(), by, STOP_KEY_HOLDERS));
  }

  /** Stores a model as the next version (its own version number is ignored); returns that version. */
  public int save(StoredModel model) {
    return db.jdbi().inTransaction(h -> {
      int version = h.createQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM match_model").mapTo(Integer.class).one();
      h.createUpdate("INSERT INTO match_model(version, algorithm, lambda, records, pairs, em_pairs, fitted_at, fitted_by) "
              + "VALUES (:v, :a, :l, :r, :p, :e, :t, :by)")
          .bind("v", version).bind("a", model.algorithm()).bind("l", model.lambda()).bind("r", model.records()).bind("p", model.pairs())
          .bind("e", model.emPairs()).bind("t", Timestamp.from(model.fittedAt())).bind("by", model.fittedBy()).execute();
      PreparedBatch levels = h.prepareBatch("INSERT INTO match_model_level(version, feature, level_no, label, m, u) VALUES (:v, :f, :l, :lb, :m, :u)");
      for (StoredModel.Level l : model.levels()) {
        levels.bind("v", version).bind("f", l.feature()).bind("l", (short) l.level()).bind("lb", l.label()).bind("m", l.m()).bind("u", l.u()).add();
      }
      if (!model.levels().isEmpty()) levels.execute();
      if (!model.frequencies().isEmpty()) {
        PreparedBatch freq = h.prepareBatch("INSERT INTO match_model_frequency(version, feature, val, frequency) VALUES (:v, :f, :val, :q)");
        for (StoredModel.Frequency q : model.frequencies()) freq.bind("v", version).bind("f", q.feature()).bind("val", q.value()).bind("q", q.frequency()).add();
        freq.execute();
      }
      if (!model.stopKeys().isEmpty()) {
        PreparedBatch sk = h.prepareBatch("INSERT INTO match_model_stop_key(version, mkey, holders) VALUES (:v, :k, :n)");
        model.stopKeys().forEach((k, n) -> sk.bind("v", version).bind("k", k).bind("n", n).add());
        sk.execute();
      }
      return version;
    });
  }

  /** Blocking keys (as stored: cut to 256 characters) held by more than {@link #STOP_KEY_HOLDERS} records. */
  static Map<String, Long> stopKeys(Collection<MatchKeys> records) {
    return StoredModel.stopKeys(records, STOP_KEY_HOLDERS);
  }

  /**
   * Fits a new version over every matchable entity held (blocking, random-pair u, EM over the
   * candidates, value frequencies) and stores it. Returns the stored version.
   */
  public Stored refit(EntityStore store, String by) {
    List<String> ids = store.ids();
    List<MatchKeys> keys = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i += 2_000) {
      for (Entity e : store.findAll(ids.subList(i, Math.min(ids.size(), i + 2_000))).values()) {
        if (e.schema().matchable()) keys.add(MatchKeys.of(e));
      }
    }
    CandidatePairs candidates = new Blocker().dedupe(keys);
    MatcherV1 fitted = MatcherV1.fit(keys, candidates);
    return load(save(fitted, keys, candidates.size(), by));
  }

}
