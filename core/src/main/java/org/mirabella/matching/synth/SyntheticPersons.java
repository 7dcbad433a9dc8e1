package org.mirabella.matching.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.scenario.NameBank;

/**
 * Febrl-like synthetic person records with known truth, at any size, for the matching benchmarks:
 * originals with zero to three duplicates each, every duplicate corrupted the way agencies' records
 * of one person differ (another transliteration of the given name, the name in Arabic or Cyrillic
 * script, a typo in the family name, a year-only or day/month-swapped or one-year-off birth date,
 * a missing passport, given and family name swapped).
 *
 * <p>Given names, fathers' names (half the persons) and a fifth of the family names come from the
 * scenario's name bank (many cultures, Latin variants and script forms); the other family names
 * are made from syllables with a Zipf distribution over 100,000 ranks, so that family names are as skewed as in real registers and
 * blocks come in every size. Record {@code i} depends only on the seed and {@code i}, so records
 * can be made in parallel and in any order.
 */
public final class SyntheticPersons {
  /** One record: its entity and its truth (the person it describes). */
  public record Person(Entity entity, int cluster) {}

  private static final String[] CULTURES = {"arab", "arab", "arab", "eritrean", "afghan", "kurdish", "albanian", "serbian", "turkish",
      "vietnamese", "chinese", "nepali", "hispanic", "haitian", "italian", "french", "anglo", "japanese"};
  private static final Map<String, String[]> COUNTRIES = Map.ofEntries(
      Map.entry("arab", new String[] {"eg", "sy", "ly", "ma", "tn", "dz", "sd", "iq"}), Map.entry("eritrean", new String[] {"er"}),
      Map.entry("afghan", new String[] {"af"}), Map.entry("kurdish", new String[] {"iq", "sy", "tr"}),
      Map.entry("albanian", new String[] {"al"}), Map.entry("serbian", new String[] {"rs"}), Map.entry("turkish", new String[] {"tr"}),
      Map.entry("vietnamese", new String[] {"vn"}), Map.entry("chinese", new String[] {"cn"}), Map.entry("nepali", new String[] {"np"}),
      Map.entry("hispanic", new String[] {"co", "ve", "mx"}), Map.entry("haitian", new String[] {"ht"}),
      Map.entry("italian", new String[] {"it"}), Map.entry("french", new String[] {"fr"}), Map.entry("anglo", new String[] {"gb"}),
      Map.entry("japanese", new String[] {"jp"}));
  private static final String[] ONSETS = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "br",
      "tr", "gr", "st", "ch", "dr", "kr"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ei"};
  private static final String[] CODAS = {"", "", "n", "r", "l", "s", "m", "k", "t", "nd", "rt"};
  private static final int SURNAME_RANKS = 100_000;
  private static final double[] ZIPF = zipf(SURNAME_RANKS);
  private static final String[] AGENCIES = {"IT", "DE", "FR", "UK", "US", "CA", "JP"};

  private final long seed;
  private final int[] clusterOf;
  private final byte[] copyOf;
  private final int clusters;

  /**
   * The layout of {@code records} records: originals followed in place by their duplicates (0–3,
   * 40 % of originals have at least one), truncated at {@code records}.
   */
  public SyntheticPersons(long seed, int records) {
    if (records < 1) throw new IllegalArgumentException("records must be at least 1: " + records);
    this.seed = seed;
    this.clusterOf = new int[records];
    this.copyOf = new byte[records];
    SplittableRandom r = new SplittableRandom(seed);
    int i = 0;
    int c = 0;
    while (i < records) {
      double x = r.nextDouble();
      int dups = x < 0.6 ? 0 : x < 0.85 ? 1 : x < 0.95 ? 2 : 3;
      for (int k = 0; k <= dups && i < records; k++, i++) {
        clusterOf[i] = c;
        copyOf[i] = (byte) k;
      }
      c++;
    }
    this.clusters = c;
  }

  public int size() {
    return clusterOf.length;
  }

  public int clusters() {
    return clusters;
  }

  /** The person record {@code i} describes (the truth). */
  public int cluster(int i) {
    return clusterOf[i];
  }

  /** Pairs of records that describe the same person. */
  public long truePairs() {
    long n = 0;
    int run = 1;
    for (int i = 1; i <= clusterOf.length; i++) {
      if (i < clusterOf.length && clusterOf[i] == clusterOf[i - 1]) {
        run++;
      } else {
        n += (long) run * (run - 1) / 2;
        run = 1;
      }
    }
    return n;
  }

  /** Record {@code i}: id {@code p<cluster>-<copy>}, held by one of the G7 agencies (the copy's), case {@code BENCH}. */
  public Person person(int i) {
    int c = clusterOf[i];
    int copy = copyOf[i];
    return new Person(make(c, copy, AGENCIES[Math.floorMod(c * 31 + copy * 7, AGENCIES.length)], "p" + c + "-" + copy), c);
  }

  /**
   * A further record of person {@code cluster} (copy 0 is the original, higher copies are
   * corrupted variants; copies above 3 never occur in the layout), held by {@code agency} under
   * {@code id}: the probe of a hit/no-hit query. A cluster beyond {@link #clusters()} is a person
   * nobody holds.
   */
  public Entity variant(int cluster, int copy, String agency, String id) {
    return make(cluster, copy, agency, id);
  }

  private Entity make(int c, int copy, String agency, String id) {
    SplittableRandom truth = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c);
    String culture = CULTURES[truth.nextInt(CULTURES.length)];
    NameBank.Culture names = NameBank.get().culture(culture);
    boolean male = truth.nextDouble() < 0.7;
    List<NameBank.Name> givens = male || names.female().isEmpty() ? names.male() : names.female();
    NameBank.Name given = givens.get(truth.nextInt(givens.size()));
    NameBank.Name bankFamily = names.family().isEmpty() ? null : names.family().get(truth.nextInt(names.family().size()));
    boolean synthetic = bankFamily == null || truth.nextDouble() < 0.8;
    String family = synthetic ? surname(zipfRank(truth.nextDouble())) : bankFamily.canonical();
    String[] countries = COUNTRIES.get(culture);
    String country = countries[truth.nextInt(countries.length)];
    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(truth.nextInt(55 * 365));
    String passport = truth.nextDouble() < 0.5 ? String.format(Locale.ROOT, "%c%08d", (char) ('A' + truth.nextInt(26)), truth.nextInt(100_000_000))
        : null;

    // half the persons are also recorded with their father's name (Arabic, Persian, Eritrean naming)
    NameBank.Name father = truth.nextBoolean() ? names.male().get(truth.nextInt(names.male().size())) : null;
    String fatherText = father == null ? null : father.canonical();
    String givenText = given.canonical();
    String familyText = family;
    String birth = born.toString();
    boolean swapNames = false;
    if (copy > 0) {
      SplittableRandom r = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + ((long) c << 3) + copy);
      int corruptions = 1 + r.nextInt(3);
      for (int k = 0; k < corruptions; k++) {
        switch (r.nextInt(7)) {
          case 0 -> givenText = given.latin().get(r.nextInt(given.latin().size()));
          case 1 -> {
            String script = given.script("ar") != null && r.nextBoolean() ? given.script("ar") : given.script("ru");
            if (script != null) givenText = script;
            else givenText = given.latin().get(r.nextInt(given.latin().size()));
          }
          case 2 -> familyText = typo(familyText, r);
          case 3 -> {
            if (!synthetic && bankFamily.latin().size() > 1) familyText = bankFamily.latin().get(r.nextInt(bankFamily.latin().size()));
            else familyText = typo(familyText, r);
          }
          case 4 -> birth = switch (r.nextInt(4)) {
            case 0 -> String.valueOf(born.getYear());
            case 1 -> born.getDayOfMonth() <= 12 ? LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()).toString()
                : born.plusYears(1).toString();
            case 2 -> born.plusYears(r.nextBoolean() ? 1 : -1).toString();
            default -> born.plusDays(1 + r.nextInt(9)).toString();
          };
          case 5 -> {
            if (r.nextBoolean()) passport = null;
            else fatherText = null;
          }
          default -> swapNames = r.nextDouble() < 0.3;
        }
      }
    }
    Schema person = Model.get().require("Person");
    Entity e = new Entity(id, person, agency, "BENCH", SubjectCategory.SUSPECT, LocalDate.of(2030, 1, 1));
    Provenance p = Provenance.of(agency, "BENCH");
    e.add("nationality", country, p);
    e.add("firstName", swapNames ? familyText : givenText, p);
    e.add("lastName", swapNames ? givenText : familyText, p);
    if (fatherText != null) e.add("secondName", fatherText, p);
    e.add("name", givenText + (fatherText == null ? "" : " " + fatherText) + " " + familyText, p);
    e.add("birthDate", birth, p);
    e.add("gender", male ? "male" : "female", p);
    if (passport != null) e.add("passportNumber", passport, p);
    return e;
  }

  /** A pronounceable family name for a Zipf rank: two or three syllables, the same for the same rank. */
  static String surname(int rank) {
    SplittableRandom r = new SplittableRandom(0x5EEDL * 1_000_003L + rank);
    StringBuilder b = new StringBuilder();
    int syllables = 2 + r.nextInt(2);
    for (int s = 0; s < syllables; s++) {
      b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
      if (s == syllables - 1 || r.nextInt(3) == 0) b.append(CODAS[r.nextInt(CODAS.length)]);
    }
    return Character.toUpperCase(b.charAt(0)) + b.substring(1);
  }

  /** One keyboard-style error: a letter replaced, dropped, doubled, or two letters swapped. */
  static String typo(String s, SplittableRandom r) {
    if (s.length() < 3) return s;
    int i = 1 + r.nextInt(s.length() - 2);
    char[] ch = s.toCharArray();
    return switch (r.nextInt(4)) {
      case 0 -> s.substring(0, i) + (char) ('a' + r.nextInt(26)) + s.substring(i + 1);
      case 1 -> s.substring(0, i) + s.substring(i + 1);
      case 2 -> s.substring(0, i) + ch[i] + s.substring(i);
      default -> {
        char t = ch[i];
        ch[i] = ch[i + 1 < ch.length ? i + 1 : i - 1];
        ch[i + 1 < ch.length ? i + 1 : i - 1] = t;
        yield new String(ch);
      }
    };
  }

  private static double[] zipf(int n) {
    double[] cum = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) cum[k - 1] = sum += 1.0 / k;
    for (int k = 0; k < n; k++) cum[k] /= sum;
    return cum;
  }

  private static int zipfRank(double u) {
    int i = java.util.Arrays.binarySearch(ZIPF, u);
    return i >= 0 ? i : Math.min(ZIPF.length - 1, -i - 1);
  }

  /** All records, made in parallel. */
  public List<Person> all() {
    Person[] out = new Person[size()];
    java.util.stream.IntStream.range(0, size()).parallel().forEach(i -> out[i] = person(i));
    return new ArrayList<>(List.of(out));
  }
}
