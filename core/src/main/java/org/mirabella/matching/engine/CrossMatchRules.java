package org.mirabella.matching.engine;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mirabella.hits.ScoredPair;
import org.mirabella.matching.Band;
import org.mirabella.matching.Match;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.matching.features.Feature;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;

/**
 * The cross-agency matching rules, in one place for every engine: the in-process engine
 * ({@code org.mirabella.xref.CrossMatcher}, SQL over the stored keys) and the Spark engine
 * ({@code org.mirabella.spark}, joins over the same keys) both call these functions, so that their
 * candidates, scores, bands, kinds and explanations are the same.
 *
 * <ul>
 *   <li>Keys: an entity's {@link MatchKeys#blockingKeys()} of at most {@link #MAX_KEY_LENGTH}
 *       characters (the stored column's width; a longer key never finds anything).</li>
 *   <li>Candidates: another agency's entity sharing an identifier key ({@code i:…}) or at least two
 *       keys of any kind, of a schema comparable with one's own; per entity at most
 *       {@link #MAX_CANDIDATES}, most shared keys first, then by id ({@link #CANDIDATE_ORDER}). A
 *       pair is scored when either side has the other among its candidates.</li>
 *   <li>Outcome: the pair scored by the matcher; {@link Band#NO_MATCH} is no hit; otherwise a hit in
 *       band {@link ScoredPair.Band} with the kinds of property that agreed.</li>
 * </ul>
 */
public final class CrossMatchRules {
  /** Candidates looked at per entity at most (the most shared keys first). */
  public static final int MAX_CANDIDATES = 500;
  /** Width of a stored key ({@code match_key.mkey}). */
  public static final int MAX_KEY_LENGTH = 256;
  /** Prefix of identifier keys: one shared identifier is enough for a candidate. */
  public static final String IDENTIFIER_KEY = "i:";

  /** A candidate of one entity: the other's id and how many keys they share. */
  public record Candidate(String id, int sharedKeys) {}

  /** The order in which an entity's candidates are kept: most shared keys first, then by id. */
  public static final Comparator<Candidate> CANDIDATE_ORDER =
      Comparator.comparingInt((Candidate c) -> -c.sharedKeys()).thenComparing(Candidate::id);

  /** A scored pair that is a hit, left being the smaller id; {@code reasons} explain the score. */
  public record Outcome(String leftId, String rightId, double score, ScoredPair.Band band, Set<String> kinds, String algorithm,
      List<String> reasons) {
    /** What the hit recorder takes. */
    public ScoredPair pair() {
      return pair(null);
    }

    /** What the hit recorder takes, naming the stored model version that scored it (null: the unfitted default). */
    public ScoredPair pair(Integer modelVersion) {
      return new ScoredPair(leftId, rightId, score, band, kinds, algorithm, modelVersion);
    }
  }

  private CrossMatchRules() {}

  /** The keys under which an entity is found: its blocking keys that fit the stored column. */
  public static Set<String> keys(MatchKeys k) {
    Set<String> out = new LinkedHashSet<>();
    for (String key : k.blockingKeys()) if (key.length() <= MAX_KEY_LENGTH) out.add(key);
    return out;
  }

  public static boolean isIdentifierKey(String key) {
    return key.startsWith(IDENTIFIER_KEY);
  }

  /** Whether two entities of different agencies sharing these keys are candidates. */
  public static boolean isCandidate(long sharedKeys, boolean sharesIdentifier) {
    return sharedKeys >= 2 || sharesIdentifier;
  }

  /** Two schemata can be compared when one is the other or extends it (a Person and a Person). */
  public static boolean comparable(Schema a, Schema b) {
    return a.isA(b) || b.isA(a);
  }

  public static boolean comparable(String schemaA, String schemaB) {
    return comparable(Model.get().require(schemaA), Model.get().require(schemaB));
  }

  /** The hit band of a match that is not {@link Band#NO_MATCH}. */
  public static ScoredPair.Band hitBand(Match m) {
    return m.band() == Band.AUTO_MATCH ? ScoredPair.Band.HIGH : m.score() >= 0.9 ? ScoredPair.Band.MEDIUM : ScoredPair.Band.LOW;
  }

  /**
   * The kinds of property that agreed (the only detail of a hit the other side sees before a
   * release): every feature that added positive evidence, by name.
   */
  public static Set<String> kinds(MatcherV1 matcher, MatchKeys a, MatchKeys b) {
    Set<String> out = new TreeSet<>();
    List<Feature> fs = matcher.model().features();
    for (int f = 0; f < fs.size(); f++) {
      Feature feature = fs.get(f);
      int l = feature.level(a, b);
      if (l < 0) continue;
      double w = l == 0 ? matcher.model().weight(f, 0, feature.agreedValue(a, b, 0)) : matcher.model().weight(f, l);
      if (w > 0) out.add(kind(feature.name()));
    }
    return new LinkedHashSet<>(out);
  }

  private static String kind(String feature) {
    return switch (feature) {
      case "name", "givenName", "familyName" -> "name";
      default -> feature;
    };
  }

  /**
   * Scores a candidate pair in its canonical orientation (smaller id left): the hit it makes, or
   * null when the matcher says no match.
   */
  public static Outcome score(MatcherV1 matcher, MatchKeys a, MatchKeys b) {
    MatchKeys left = a.id().compareTo(b.id()) <= 0 ? a : b;
    MatchKeys right = left == a ? b : a;
    // The fast path first: probability() sums the same weights in the same order as score(), and a
    // pair below REVIEW is NO_MATCH whatever the qualifiers say (they only demote AUTO_MATCH), so
    // most candidates are settled without building their explanation.
    if (matcher.probability(left, right) < MatcherV1.REVIEW) return null;
    Match m = matcher.score(left, right);
    if (m.band() == Band.NO_MATCH) return null;
    return new Outcome(left.id(), right.id(), m.score(), hitBand(m), kinds(matcher, left, right), m.version(), m.reasons());
  }
}
