package org.mirabella.matching.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.features.Feature;
import org.mirabella.matching.fs.FellegiSunter;
import org.mirabella.model.InvalidData;

/**
 * A fitted matching model version as a store keeps it (migration V31: {@code match_model},
 * {@code match_model_level}, {@code match_model_frequency}, {@code match_model_stop_key}): m and u
 * per feature and comparison level, λ, the common values of the term-frequency adjustment, and the
 * blocking keys too common to look up. Every engine scores with what this class rebuilds
 * ({@link #matcher()}, {@link #stopKeySet()}), so the in-process engine reading the tables and the
 * Spark engine reading them (or the model file beside a Parquet export) use the same parameters.
 *
 * <p>{@link #encode()} and {@link #decode} are a plain text form (one tab-separated record per
 * line, doubles as {@link Double#toString} so they read back to the last bit), written by hand
 * rather than with a JSON library: the Spark module runs core with Spark's Jackson version and the
 * application with its own, and this form needs neither.
 */
public record StoredModel(int version, String algorithm, double lambda, long records, long pairs, long emPairs, Instant fittedAt,
    String fittedBy, List<Level> levels, List<Frequency> frequencies, Map<String, Long> stopKeys) {
  /** Common values kept per feature for the term-frequency adjustment. */
  public static final int FREQUENCIES_PER_FEATURE = 5_000;
  /** Width of a stored frequency value and stop key ({@code VARCHAR(256)}). */
  public static final int MAX_VALUE_LENGTH = CrossMatchRules.MAX_KEY_LENGTH;
  /** Width of a stored level label. */
  static final int MAX_LABEL_LENGTH = 128;

  static final String MAGIC = "mirabella-match-model";
  static final int FORMAT = 1;

  /** m = P(level | match), u = P(level | non-match) of one comparison level of a feature. */
  public record Level(String feature, int level, String label, double m, double u) {}

  /** The share of records holding a value of a feature (a common value: a shared "Mohamed" weighs less). */
  public record Frequency(String feature, String value, double frequency) {}

  public StoredModel {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(fittedAt, "fittedAt");
    levels = List.copyOf(levels);
    frequencies = List.copyOf(frequencies);
    stopKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stopKeys));
  }

  /**
   * What a store keeps of a fitted matcher: every level's m and u, λ, each feature's
   * {@link #FREQUENCIES_PER_FEATURE} commonest values (those that fit the column), and the blocking
   * keys of {@code records} held by more than {@code maxHolders} of them.
   */
  public static StoredModel of(int version, MatcherV1 fitted, Collection<MatchKeys> records, long pairs, long emPairs, Instant fittedAt,
      String fittedBy, int maxHolders) {
    FellegiSunter fs = fitted.model();
    List<Level> levels = new ArrayList<>();
    List<Frequency> freq = new ArrayList<>();
    List<Feature> features = fs.features();
    for (int f = 0; f < features.size(); f++) {
      Feature feature = features.get(f);
      for (int l = 0; l < feature.levels().length; l++) {
        levels.add(new Level(feature.name(), l, cut(feature.levels()[l], MAX_LABEL_LENGTH), fs.m(f, l), fs.u(f, l)));
      }
      for (Map.Entry<String, Double> e : fs.commonValues(f, FREQUENCIES_PER_FEATURE).entrySet()) {
        if (e.getKey().length() <= MAX_VALUE_LENGTH) freq.add(new Frequency(feature.name(), e.getKey(), e.getValue()));
      }
    }
    return new StoredModel(version, fitted.version(), fs.lambda(), records.size(), pairs, emPairs, fittedAt, fittedBy, levels, freq,
        stopKeys(records, maxHolders));
  }

  /** The same model as another version (a store numbers a model when it saves it). */
  public StoredModel withVersion(int v) {
    return new StoredModel(v, algorithm, lambda, records, pairs, emPairs, fittedAt, fittedBy, levels, frequencies, stopKeys);
  }

  /** The same model with other stop keys (a store's blocking statistics, or a test's). */
  public StoredModel withStopKeys(Map<String, Long> keys) {
    return new StoredModel(version, algorithm, lambda, records, pairs, emPairs, fittedAt, fittedBy, levels, frequencies, keys);
  }

  /** Blocking keys (cut to the stored width) held by more than {@code maxHolders} records, with their holders. */
  public static Map<String, Long> stopKeys(Collection<MatchKeys> records, int maxHolders) {
    Map<String, Long> counts = new HashMap<>();
    for (MatchKeys k : records) {
      Set<String> seen = new HashSet<>();
      for (String key : k.blockingKeys()) {
        String c = cut(key, MAX_VALUE_LENGTH);
        if (seen.add(c)) counts.merge(c, 1L, Long::sum);
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream().filter(e -> e.getValue() > maxHolders).sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The keys an engine does not look up with this version. */
  public Set<String> stopKeySet() {
    return Set.copyOf(stopKeys.keySet());
  }

  /**
   * A new matcher with these parameters: the algorithm's features, m and u from the stored levels
   * (a level not stored keeps the feature's prior), the stored common values. A feature or level the
   * algorithm does not have is an {@link IllegalStateException}: the version was stored by another
   * algorithm and must not score silently.
   */
  public MatcherV1 matcher() {
    List<Feature> features = MatcherV1.features();
    Map<String, Integer> index = new HashMap<>();
    for (int f = 0; f < features.size(); f++) index.put(features.get(f).name(), f);
    double[][] m = new double[features.size()][];
    double[][] u = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) {
      m[f] = features.get(f).priorM().clone();
      u[f] = features.get(f).priorU().clone();
    }
    for (Level lv : levels) {
      Integer f = index.get(lv.feature());
      if (f == null || lv.level() < 0 || lv.level() >= m[f].length) {
        throw new IllegalStateException("match model " + version + ": unknown level " + lv.feature() + "/" + lv.level());
      }
      m[f][lv.level()] = lv.m();
      u[f][lv.level()] = lv.u();
    }
    List<Map<String, Double>> freq = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) freq.add(null);
    for (Frequency q : frequencies) {
      Integer f = index.get(q.feature());
      if (f == null) continue;
      if (freq.get(f) == null) freq.set(f, new HashMap<>());
      freq.get(f).put(q.value(), q.frequency());
    }
    return new MatcherV1(FellegiSunter.of(features, m, u, lambda, freq));
  }

  // ---- the text form ----

  /** The model as text: a header line, one line per field, level, value and stop key, and an end line with the count. */
  public String encode() {
    StringBuilder b = new StringBuilder();
    line(b, MAGIC, String.valueOf(FORMAT));
    line(b, "version", String.valueOf(version));
    line(b, "algorithm", algorithm);
    line(b, "lambda", Double.toString(lambda));
    line(b, "records", String.valueOf(records));
    line(b, "pairs", String.valueOf(pairs));
    line(b, "em_pairs", String.valueOf(emPairs));
    line(b, "fitted_at", fittedAt.toString());
    if (fittedBy != null) line(b, "fitted_by", fittedBy);
    for (Level l : levels) line(b, "level", l.feature(), String.valueOf(l.level()), l.label(), Double.toString(l.m()), Double.toString(l.u()));
    for (Frequency q : frequencies) line(b, "frequency", q.feature(), q.value(), Double.toString(q.frequency()));
    stopKeys.forEach((k, n) -> line(b, "stop", k, String.valueOf(n)));
    line(b, "end", String.valueOf(levels.size() + frequencies.size() + stopKeys.size()));
    return b.toString();
  }

  /** The text of "no model fitted yet" (engines then score with the algorithm's priors). */
  public static String encodeNone() {
    StringBuilder b = new StringBuilder();
    line(b, MAGIC, String.valueOf(FORMAT));
    line(b, "none");
    return b.toString();
  }

  /**
   * Reads {@link #encode()}'s or {@link #encodeNone()}'s text; empty for "none". Bad text is an
   * {@link InvalidData} naming {@code source}, the line and the field.
   */
  public static Optional<StoredModel> decode(String text, String source) {
    String[] lines = text.split("\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) n--;
    if (n == 0) throw bad(source, 1, "header", "empty; expected '" + MAGIC + "'");
    String[] head = fields(lines[0]);
    if (!head[0].equals(MAGIC)) throw bad(source, 1, "header", "not a Mirabella match model (expected '" + MAGIC + "')");
    if (head.length != 2 || !head[1].equals(String.valueOf(FORMAT))) throw bad(source, 1, "header", "format must be " + FORMAT);
    if (n >= 2 && fields(lines[1])[0].equals("none")) {
      if (n != 2) throw bad(source, 3, "none", "nothing may follow 'none'");
      return Optional.empty();
    }
    Map<String, String> scalars = new HashMap<>();
    List<Level> levels = new ArrayList<>();
    List<Frequency> freq = new ArrayList<>();
    Map<String, Long> stop = new LinkedHashMap<>();
    boolean ended = false;
    for (int i = 1; i < n; i++) {
      int no = i + 1;
      if (ended) throw bad(source, no, "end", "lines after the end line");
      String[] f = fields(lines[i]);
      switch (f[0]) {
        case "version", "algorithm", "lambda", "records", "pairs", "em_pairs", "fitted_at", "fitted_by" -> {
          arity(f, 2, source, no);
          if (scalars.put(f[0], f[1]) != null) throw bad(source, no, f[0], "given twice");
        }
        case "level" -> {
          arity(f, 6, source, no);
          levels.add(new Level(f[1], (int) number(f[2], source, no, "level"), f[3], real(f[4], source, no, "m"), real(f[5], source, no, "u")));
        }
        case "frequency" -> {
          arity(f, 4, source, no);
          freq.add(new Frequency(f[1], f[2], real(f[3], source, no, "frequency")));
        }
        case "stop" -> {
          arity(f, 3, source, no);
          stop.put(f[1], number(f[2], source, no, "holders"));
        }
        case "end" -> {
          arity(f, 2, source, no);
          long count = number(f[1], source, no, "end");
          if (count != levels.size() + freq.size() + stop.size()) {
            throw bad(source, no, "end", "says " + count + " records, the file has " + (levels.size() + freq.size() + stop.size()));
          }
          ended = true;
        }
        default -> throw bad(source, no, f[0], "unknown record '" + f[0] + "'");
      }
    }
    if (!ended) throw bad(source, n, "end", "no end line: the file is cut short");
    for (String k : List.of("version", "algorithm", "lambda", "records", "pairs", "em_pairs", "fitted_at")) {
      if (!scalars.containsKey(k)) throw bad(source, n, k, "missing");
    }
    Instant at;
    try {
      at = Instant.parse(scalars.get("fitted_at"));
    } catch (DateTimeParseException e) {
      throw bad(source, lineOf(lines, "fitted_at"), "fitted_at", "not an instant: " + scalars.get("fitted_at"));
    }
    int lineV = lineOf(lines, "version");
    double lambda = real(scalars.get("lambda"), source, lineOf(lines, "lambda"), "lambda");
    if (!(lambda > 0 && lambda < 1)) throw bad(source, lineOf(lines, "lambda"), "lambda", "must be in (0, 1): " + lambda);
    return Optional.of(new StoredModel((int) number(scalars.get("version"), source, lineV, "version"), scalars.get("algorithm"), lambda,
        number(scalars.get("records"), source, lineOf(lines, "records"), "records"), number(scalars.get("pairs"), source, lineOf(lines, "pairs"), "pairs"),
        number(scalars.get("em_pairs"), source, lineOf(lines, "em_pairs"), "em_pairs"), at, scalars.get("fitted_by"), levels, freq, stop));
  }

  private static int lineOf(String[] lines, String field) {
    for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(field + "\t")) return i + 1;
    return lines.length;
  }

  private static void arity(String[] f, int n, String source, int line) {
    if (f.length != n) throw bad(source, line, f[0], "expected " + (n - 1) + " tab-separated values, found " + (f.length - 1));
  }

  private static long number(String s, String source, int line, String field) {
    try {
      long v = Long.parseLong(s);
      if (v < 0) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw bad(source, line, field, "not a whole number ≥ 0: '" + s + "'");
    }
  }

  private static double real(String s, String source, int line, String field) {
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw bad(source, line, field, "not a finite number: '" + s + "'");
    }
  }

  private static InvalidData bad(String source, int line, String field, String message) {
    return new InvalidData("Bad match model file", Map.of(source + " line " + line, field + ": " + message));
  }

  private static void line(StringBuilder b, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) b.append('\t');
      escape(b, fields[i]);
    }
    b.append('\n');
  }

  /** Backslash escapes for the separators a value may hold (a tab or a line break in a name). */
  private static void escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }

  private static String[] fields(String line) {
    if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char e = line.charAt(++i);
        cur.append(switch (e) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(String[]::new);
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
