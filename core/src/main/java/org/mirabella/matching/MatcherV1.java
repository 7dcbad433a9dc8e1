package org.mirabella.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mirabella.matching.features.AddressFeature;
import org.mirabella.matching.features.BirthDateFeature;
import org.mirabella.matching.features.CountryFeature;
import org.mirabella.matching.features.Feature;
import org.mirabella.matching.features.GenderFeature;
import org.mirabella.matching.features.IdentifierFeature;
import org.mirabella.matching.features.NameFeature;
import org.mirabella.matching.fs.FellegiSunter;

/**
 * Mirabella's first matching algorithm: a Fellegi–Sunter model over a declarative list of features
 * (names across scripts, birth dates at any precision, gender, countries, strong identifiers,
 * phones, e-mails, addresses), followed by qualifiers that hold back auto-matching on strong
 * contrary evidence. Unfitted it uses the features' prior m/u; {@link #fit} estimates them from the
 * records without labels. Immutable and thread-safe.
 */
public final class MatcherV1 implements Matcher {
  public static final String NAME = "mirabella-fs-v1";
  /** Auto-match at or above this probability when no qualifier objects. */
  public static final double AUTO_MATCH = 0.99;
  /** Review queue at or above this probability; also the default decision threshold. */
  public static final double REVIEW = 0.5;
  /** Fewer candidate pairs than this: keep the prior m (EM on a handful of pairs is noise). */
  static final int MIN_PAIRS_FOR_EM = 500;
  /**
   * EM runs over at most this many candidate pairs (an even, deterministic sample of the rest): the
   * parameters of ten features converge long before, and at a million records the candidate set is
   * a hundred times larger.
   */
  static final int EM_SAMPLE = 2_000_000;

  private static final Set<String> CONTACT = Set.of("phone", "email");
  /** Identifier kinds (property or type names) that identify a person or thing. */
  static final Set<String> STRONG_IDS = Set.of("passportNumber", "idNumber", "socialSecurityNumber", "taxNumber", "registrationNumber",
      "vatCode", "licenseNumber", "innCode", "ogrnCode", "leiCode", "dunsCode", "swiftBic", "imoNumber", "mmsi", "callSign", "iban",
      "accountNumber", "publicKey", "uniqueEntityId", "npiCode", "bikCode", "okpoCode", "voenCode", "irsCode", "ipoCode", "cikCode",
      "permId", "wikidataId");

  /** The features, in the order their levels are kept. A new signal is a new feature plus one line here. */
  public static List<Feature> features() {
    return List.of(
        NameFeature.fullName(),
        NameFeature.given(),
        NameFeature.family(),
        new BirthDateFeature(),
        new GenderFeature(),
        new CountryFeature(),
        new IdentifierFeature("identifier", "identifier", STRONG_IDS, new double[] {0.6, 0.1, 0.3}, new double[] {0.00001, 0.0001, 0.99989}),
        new IdentifierFeature("phone", "phone", Set.of("phone"), new double[] {0.5, 0.02, 0.48}, new double[] {0.0001, 0.001, 0.9989}),
        new IdentifierFeature("email", "e-mail", Set.of("email"), new double[] {0.5, 0.02, 0.48}, new double[] {0.0001, 0.001, 0.9989}),
        new AddressFeature());
  }

  private static final int FULL_NAME = 0;
  private static final int GIVEN = 1;
  private static final int FAMILY = 2;
  private static final int BIRTH = 3;
  private static final int GENDER = 4;
  private static final int COUNTRY = 5;
  private static final int IDENTIFIER = 6;

  /** Qualifiers, each a named rule. */
  static final List<Qualifier> QUALIFIERS = List.of(
      (a, b, l) -> l[COUNTRY] == 1 ? Optional.of("country mismatch: " + String.join(", ", a.countries()) + " vs " + String.join(", ", b.countries()))
          : Optional.empty(),
      (a, b, l) -> l[BIRTH] == 4 && birthYearsDisjoint(a, b) ? Optional.of("birth years disjoint: " + a.birthDates() + " vs " + b.birthDates())
          : Optional.empty(),
      (a, b, l) -> l[IDENTIFIER] == 2 ? Optional.of("different identifiers of the same kind") : Optional.empty(),
      // relatives share a family name, an address and often a phone: different given names need an analyst;
      // and namesakes born the same day are common in a million records: different family names need one too
      (a, b, l) -> l[GIVEN] == 5 || l[FULL_NAME] == 5 || l[FAMILY] == 5 ? Optional.of("names conflict") : Optional.empty());

  private final FellegiSunter model;

  public MatcherV1() {
    this(FellegiSunter.priors(features(), 0.01));
  }

  public MatcherV1(FellegiSunter model) {
    this.model = model;
  }

  /**
   * Estimates the model from the records themselves, without labels: u from random pairs, value
   * frequencies for the term-frequency adjustment, then m and λ by EM over the candidate pairs.
   */
  public static MatcherV1 fit(List<MatchKeys> records, CandidatePairs candidates) {
    FellegiSunter prior = FellegiSunter.priors(features(), 0.01);
    FellegiSunter fs = candidates.size() < MIN_PAIRS_FOR_EM ? prior
        : prior.withRandomU(records, Math.min(200_000, Math.max(20_000, records.size() * 20)), 42L).withTermFrequencies(records);
    int nf = fs.features().size();
    int n = Math.min(candidates.size(), EM_SAMPLE);
    double stride = candidates.size() / (double) n;
    byte[] levels = new byte[n * nf];
    java.util.stream.IntStream.range(0, n).parallel().forEach(p -> {
      int pair = (int) (p * stride);
      MatchKeys a = candidates.left(pair, records);
      MatchKeys b = candidates.right(pair, records);
      for (int f = 0; f < nf; f++) levels[p * nf + f] = (byte) fs.features().get(f).level(a, b);
    });
    // EM needs enough pairs to tell two populations apart; below that the priors are the better guess
    if (n < MIN_PAIRS_FOR_EM) return new MatcherV1(fs);
    FellegiSunter em = fs.withEm(levels, n, 25);
    boolean debug = System.getProperty("mirabella.debug") != null;
    if (plausible(em, levels, n)) return new MatcherV1(em);
    if (debug) System.err.println("two-class EM refused as degenerate:\n" + em);
    // Degenerate: estimate m per kind of blocking key instead (Splink's scheme), u staying random-pair.
    byte[] passOf = new byte[n];
    java.util.stream.IntStream.range(0, n).parallel().forEach(p -> {
      int pair = (int) (p * stride);
      passOf[p] = sharedKeyKinds(candidates.left(pair, records), candidates.right(pair, records));
    });
    double all = records.size() * (records.size() - 1.0) / 2;
    FellegiSunter byBlocking = fs.withEmByBlocking(levels, passOf, n, new int[][] {{BIRTH}, {FULL_NAME, GIVEN, FAMILY, GENDER, COUNTRY}}, 25,
        MIN_PAIRS_FOR_EM, stride, all);
    boolean kept = plausible(byBlocking, levels, n);
    if (debug) System.err.println("EM by blocking key (" + (kept ? "kept" : "refused") + "):\n" + byBlocking);
    return new MatcherV1(kept ? byBlocking : fs);
  }

  /**
   * Guards against EM's known degenerate solution: when the blocked pairs hold a large population
   * that shares something other than the person (at a small scale, everyone called Mohamed of the
   * same nationality), the two-class mixture may split along that instead, and its "match" class
   * then makes agreement on a family name or a birth date evidence <em>against</em> a match. A fit
   * is kept only if, for every feature present in at least 1 % of the pairs, exact agreement is
   * more likely among matches than among non-matches (m > u at the strongest level); otherwise the
   * features' prior m with the random-pair u and value frequencies are used.
   */
  static boolean plausible(FellegiSunter em, byte[] levels, int pairs) {
    int nf = em.features().size();
    int[] present = new int[nf];
    for (int p = 0; p < pairs; p++) for (int f = 0; f < nf; f++) if (levels[p * nf + f] >= 0) present[f]++;
    for (int f = 0; f < nf; f++) {
      if (present[f] >= pairs / 100 && em.m(f, 0) <= em.u(f, 0)) return false;
    }
    return true;
  }

  /**
   * The kinds of blocking key two records share, as pass bits for {@link FellegiSunter#withEmByBlocking}:
   * bit 0 a birth-date key ({@code b:}: the pass that leaves out birth dates), bit 1 a name key
   * ({@code n:}: the pass that leaves out the names).
   */
  static byte sharedKeyKinds(MatchKeys a, MatchKeys b) {
    Set<String> other = b.blockingKeys();
    int bits = 0;
    for (String k : a.blockingKeys()) {
      if (bits == 3) break;
      if (!other.contains(k)) continue;
      if (k.startsWith("n:")) bits |= 2;
      else if (k.startsWith("b:")) bits |= 1;
    }
    return (byte) bits;
  }

  /** Candidate pairs EM runs over at most. */
  public static int emSample() {
    return EM_SAMPLE;
  }

  public FellegiSunter model() {
    return model;
  }

  @Override
  public String version() {
    return NAME;
  }

  @Override
  public double probability(MatchKeys a, MatchKeys b) {
    List<Feature> fs = model.features();
    double w = model.priorWeight();
    for (int f = 0, n = fs.size(); f < n; f++) {
      Feature feature = fs.get(f);
      int l = feature.level(a, b);
      if (l < 0) continue;
      w += l == 0 ? model.weight(f, 0, feature.agreedValue(a, b, 0)) : model.weight(f, l);
    }
    return FellegiSunter.probability(w);
  }

  @Override
  public Match score(MatchKeys a, MatchKeys b) {
    List<Feature> fs = model.features();
    int[] levels = new int[fs.size()];
    double w = model.priorWeight();
    record Evidence(double weight, String text) {}
    List<Evidence> evidence = new ArrayList<>();
    for (int f = 0; f < fs.size(); f++) {
      Feature feature = fs.get(f);
      int l = feature.level(a, b);
      levels[f] = l;
      if (l < 0) continue;
      double fw = l == 0 ? model.weight(f, 0, feature.agreedValue(a, b, 0)) : model.weight(f, l);
      w += fw;
      evidence.add(new Evidence(fw, feature.explain(a, b, l)));
    }
    double p = FellegiSunter.probability(w);
    evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())));
    List<String> reasons = new ArrayList<>();
    for (Evidence e : evidence) reasons.add(e.text() + String.format(Locale.ROOT, " (%+.1f)", e.weight()));
    Band band = p >= AUTO_MATCH ? Band.AUTO_MATCH : p >= REVIEW ? Band.REVIEW : Band.NO_MATCH;
    for (Qualifier q : QUALIFIERS) {
      Optional<String> why = q.check(a, b, levels);
      if (why.isPresent()) {
        reasons.add(why.get() + ": not matched automatically");
        if (band == Band.AUTO_MATCH) band = Band.REVIEW;
      }
    }
    return new Match(p, band, reasons, NAME);
  }

  private static boolean birthYearsDisjoint(MatchKeys a, MatchKeys b) {
    for (int x : a.birthDates().years) for (int y : b.birthDates().years) if (Math.abs(x - y) <= 1) return false;
    return true;
  }
}
