package org.mirabella.matching.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.mirabella.matching.features.Feature;
import org.mirabella.matching.fs.FellegiSunter;
import org.mirabella.model.Entity;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * The fitted matching model in the store ({@code match_model*}, migration V31), versioned: m and u
 * per feature and comparison level, λ, the common values of the term-frequency adjustment, and the
 * blocking keys too common to look up. Incremental matching uses the latest version;
 * {@link #refit} fits a new one over everything held and adds it. Versions are never changed, so
 * a hit's {@code model_version} says exactly which parameters scored it.
 */
public final class MatchModels {
  /** Common values kept per feature for the term-frequency adjustment. */
  static final int FREQUENCIES_PER_FEATURE = 5_000;
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
    Map<String, Object> row = h.createQuery("SELECT * FROM match_model WHERE version = :v").bind("v", version).mapToMap().findOne()
        .orElseThrow(() -> new IllegalArgumentException("no match model version " + version));
    List<Feature> features = MatcherV1.features();
    Map<String, Integer> index = new HashMap<>();
    for (int f = 0; f < features.size(); f++) index.put(features.get(f).name(), f);
    double[][] m = new double[features.size()][];
    double[][] u = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) {
      m[f] = features.get(f).priorM().clone();
      u[f] = features.get(f).priorU().clone();
    }
    h.createQuery("SELECT feature, level_no, m, u FROM match_model_level WHERE version = :v").bind("v", version).map((rs, c) -> {
      Integer f = index.get(rs.getString(1));
      int l = rs.getInt(2);
      // a feature or level the algorithm no longer has: the version was stored by another algorithm
      if (f == null || l >= m[f].length) throw new IllegalStateException("match model " + version + ": unknown level " + rs.getString(1) + "/" + l);
      m[f][l] = rs.getDouble(3);
      u[f][l] = rs.getDouble(4);
      return 0;
    }).list();
    List<Map<String, Double>> freq = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) freq.add(null);
    h.createQuery("SELECT feature, val, frequency FROM match_model_frequency WHERE version = :v").bind("v", version).map((rs, c) -> {
      Integer f = index.get(rs.getString(1));
      if (f != null) {
        if (freq.get(f) == null) freq.set(f, new HashMap<>());
        freq.get(f).put(rs.getString(2), rs.getDouble(3));
      }
      return 0;
    }).list();
    Set<String> stop = Set.copyOf(h.createQuery("SELECT mkey FROM match_model_stop_key WHERE version = :v").bind("v", version)
        .mapTo(String.class).list());
    double lambda = ((Number) row.get("lambda")).doubleValue();
    MatcherV1 matcher = new MatcherV1(FellegiSunter.of(features, m, u, lambda, freq));
    Object at = row.get("fitted_at");
    Instant fittedAt = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof Timestamp t ? t.toInstant()
        : Instant.parse(String.valueOf(at));
    return new Stored(version, matcher, stop, ((Number) row.get("records")).longValue(), ((Number) row.get("pairs")).longValue(), fittedAt);
  }

  /**
   * Stores a fitted model as the next version: its m/u per level, λ, common values, and the blocking
   * keys of {@code records} held by more than {@link #STOP_KEY_HOLDERS} of them.
   */
  public int save(MatcherV1 fitted, List<MatchKeys> records, long pairs, String by) {
    Map<String, Long> stop = stopKeys(records);
    FellegiSunter fs = fitted.model();
    return db.jdbi().inTransaction(h -> {
      int version = h.createQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM match_model").mapTo(Integer.class).one();
      h.createUpdate("INSERT INTO match_model(version, algorithm, lambda, records, pairs, em_pairs, fitted_at, fitted_by) "
              + "VALUES (:v, :a, :l, :r, :p, :e, :t, :by)")
          .bind("v", version).bind("a", fitted.version()).bind("l", fs.lambda()).bind("r", (long) records.size()).bind("p", pairs)
          .bind("e", Math.min(pairs, MatcherV1.emSample())).bind("t", Timestamp.from(Instant.now())).bind("by", by).execute();
      PreparedBatch levels = h.prepareBatch("INSERT INTO match_model_level(version, feature, level_no, label, m, u) VALUES (:v, :f, :l, :lb, :m, :u)");
      PreparedBatch freq = h.prepareBatch("INSERT INTO match_model_frequency(version, feature, val, frequency) VALUES (:v, :f, :val, :q)");
      int nFreq = 0;
      List<Feature> features = fs.features();
      for (int f = 0; f < features.size(); f++) {
        Feature feature = features.get(f);
        for (int l = 0; l < feature.levels().length; l++) {
          levels.bind("v", version).bind("f", feature.name()).bind("l", (short) l).bind("lb", cut(feature.levels()[l], 128))
              .bind("m", fs.m(f, l)).bind("u", fs.u(f, l)).add();
        }
        for (Map.Entry<String, Double> e : fs.commonValues(f, FREQUENCIES_PER_FEATURE).entrySet()) {
          if (e.getKey().length() > 256) continue;
          freq.bind("v", version).bind("f", feature.name()).bind("val", e.getKey()).bind("q", e.getValue()).add();
          nFreq++;
        }
      }
      levels.execute();
      if (nFreq > 0) freq.execute();
      if (!stop.isEmpty()) {
        PreparedBatch sk = h.prepareBatch("INSERT INTO match_model_stop_key(version, mkey, holders) VALUES (:v, :k, :n)");
        stop.forEach((k, n) -> sk.bind("v", version).bind("k", k).bind("n", n).add());
        sk.execute();
      }
      return version;
    });
  }

  /** Blocking keys (as stored: cut to 256 characters) held by more than {@link #STOP_KEY_HOLDERS} records. */
  static Map<String, Long> stopKeys(Collection<MatchKeys> records) {
    Map<String, Long> counts = new HashMap<>();
    for (MatchKeys k : records) {
      java.util.HashSet<String> seen = new java.util.HashSet<>();
      for (String key : k.blockingKeys()) {
        String c = cut(key, 256);
        if (seen.add(c)) counts.merge(c, 1L, Long::sum);
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((k, n) -> {
      if (n > STOP_KEY_HOLDERS) out.put(k, n);
    });
    return out;
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

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
