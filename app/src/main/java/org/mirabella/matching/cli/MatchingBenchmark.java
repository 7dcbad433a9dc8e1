package org.mirabella.matching.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirabella.matching.CandidatePairs;
import org.mirabella.matching.Linker;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.model.Model;

/**
 * Accuracy and speed of matching on the shared benchmark data: Febrl 1–3 deduplication with all
 * fields, without the social security number and with names and birth date only (pair F1,
 * blocking recall, scored candidate pairs per second), and DBLP–ACM linkage. Labels are read only
 * to score the output, never to fit or set thresholds.
 *
 * <p>Run: {@code java -cp app/target/mirabella.jar org.mirabella.matching.cli.MatchingBenchmark [DATA_DIR]} for accuracy,
 * {@code ... MatchingBenchmark speed [THREADS]} for throughput; DATA_DIR defaults to {@code shared/data} beside the repository.
 */
public final class MatchingBenchmark {
  private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-");

  /** The figures of one run. */
  public record Figures(String name, int records, int candidates, int truePairs, double blockingRecall, double precision, double recall,
      double f1, double pairsPerSecond, int falseAtAutoMatch) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-28s records=%d candidates=%d true=%d blockingRecall=%.4f P=%.4f R=%.4f F1=%.4f pairs/s=%.0f falseAuto=%d",
          name, records, candidates, truePairs, blockingRecall, precision, recall, f1, pairsPerSecond, falseAtAutoMatch);
    }
  }

  public static final String FEBRL_ALL = "given_name=firstName,surname=lastName,street_number=address,address_1=address,address_2=address,"
      + "suburb=address,postcode=address,state=address,date_of_birth=birthDate,soc_sec_id=idNumber";
  public static final String FEBRL_NO_SSN = FEBRL_ALL.replace(",soc_sec_id=idNumber", "");
  public static final String FEBRL_NAMES_DOB = "given_name=firstName,surname=lastName,date_of_birth=birthDate";

  private MatchingBenchmark() {}

  public static Figures febrl(Path csv, String mapping, String name) {
    Csv.Table t = Csv.read(csv);
    CsvEntities.Mapping m = CsvEntities.Mapping.parse(Model.get().require("Person"), List.of(mapping));
    CsvEntities.Loaded loaded = CsvEntities.load(t, "rec_id", m, "r");
    List<MatchKeys> keys = loaded.entities().parallelStream().map(MatchKeys::of).toList();
    Linker.Result r = new Linker(MatcherV1.REVIEW).dedupe(keys);
    if (System.getProperty("mirabella.debug") != null) System.out.println(r.matcher().model());
    List<String> groups = new ArrayList<>();
    for (String id : loaded.ids()) {
      Matcher g = FEBRL_ID.matcher(id);
      groups.add(g.find() ? g.group(1) : id);
    }
    Map<String, List<Integer>> byGroup = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) byGroup.computeIfAbsent(groups.get(i), k -> new ArrayList<>()).add(i);
    int truePairs = 0;
    int blocked = 0;
    for (List<Integer> g : byGroup.values()) {
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          truePairs++;
          if (r.candidates().contains(Math.min(g.get(i), g.get(j)), Math.max(g.get(i), g.get(j)))) blocked++;
        }
      }
    }
    int tp = 0;
    int falseAuto = 0;
    for (Linker.ScoredPair p : r.matches()) {
      boolean same = groups.get(p.left()).equals(groups.get(p.right()));
      if (same) tp++;
      else if (p.score() >= MatcherV1.AUTO_MATCH && r.explain(p).band() == org.mirabella.matching.Band.AUTO_MATCH) falseAuto++;
    }
    return figures(name, keys.size(), r, truePairs, blocked, tp, falseAuto);
  }

  /** DBLP–ACM: titles as names of a Document-like record; authors, venue and year as further text. */
  public static Figures dblpAcm(Path dir) throws java.io.IOException {
    Csv.Table dblp = Csv.read(dir.resolve("DBLP2.csv"));
    Csv.Table acm = Csv.read(dir.resolve("ACM.csv"));
    CsvEntities.Mapping m = CsvEntities.Mapping.parse(Model.get().require("Company"), List.of("title=name,authors=address,venue=address,year=incorporationDate"));
    CsvEntities.Loaded l = CsvEntities.load(dblp, "id", m, "l");
    CsvEntities.Loaded rr = CsvEntities.load(acm, "id", m, "r");
    List<MatchKeys> lk = l.entities().parallelStream().map(MatchKeys::of).toList();
    List<MatchKeys> rk = rr.entities().parallelStream().map(MatchKeys::of).toList();
    Linker.Result r = new Linker(MatcherV1.REVIEW).link(lk, rk);
    Set<String> truth = new HashSet<>();
    Map<String, Integer> li = new HashMap<>();
    Map<String, Integer> ri = new HashMap<>();
    for (int i = 0; i < l.ids().size(); i++) li.put(l.ids().get(i), i);
    for (int i = 0; i < rr.ids().size(); i++) ri.put(rr.ids().get(i), i + lk.size());
    int blocked = 0;
    for (String[] row : Csv.read(dir.resolve("DBLP-ACM_perfectMapping.csv")).rows()) {
      truth.add(row[0] + "|" + row[1]);
      Integer a = li.get(row[0]);
      Integer b = ri.get(row[1]);
      if (a != null && b != null && r.candidates().contains(a, b)) blocked++;
    }
    int tp = 0;
    for (Linker.ScoredPair p : r.matches()) {
      if (truth.contains(l.ids().get(p.left()) + "|" + rr.ids().get(p.right() - lk.size()))) tp++;
    }
    return figures("dblp-acm", lk.size() + rk.size(), r, truth.size(), blocked, tp, -1);
  }

  private static Figures figures(String name, int records, Linker.Result r, int truePairs, int blocked, int tp, int falseAuto) {
    int predicted = r.matches().size();
    double p = predicted == 0 ? 0 : tp / (double) predicted;
    double rc = truePairs == 0 ? 0 : tp / (double) truePairs;
    double f1 = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
    return new Figures(name, records, r.candidates().size(), truePairs, truePairs == 0 ? 0 : blocked / (double) truePairs, p, rc, f1,
        r.pairsPerSecond(), falseAuto);
  }

  /**
   * Steady-state scoring throughput: scores the candidate pairs of a fitted run over and over on
   * {@code threads} threads for about {@code seconds} after a warm-up. Returns {wall-clock pairs/s,
   * pairs/s per CPU-second times {@code threads}}: the second is what the cores deliver when not
   * shared with other work.
   */
  public static double[] throughput(Linker.Result r, int threads, double seconds) throws InterruptedException {
    List<MatchKeys> recs = r.records();
    CandidatePairs c = r.candidates();
    MatcherV1 m = r.matcher();
    int n = c.size();
    int[] left = new int[n];
    int[] right = new int[n];
    for (int i = 0; i < n; i++) {
      left[i] = c.left(i);
      right[i] = c.right(i);
    }
    double sink = 0;
    for (int rep = 0; rep < 3; rep++) for (int i = 0; i < n; i++) sink += m.probability(recs.get(left[i]), recs.get(right[i]));
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.DoubleAdder total = new java.util.concurrent.atomic.DoubleAdder();
    java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    Thread[] ts = new Thread[threads];
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) n * t / threads);
      int to = (int) ((long) n * (t + 1) / threads);
      ts[t] = new Thread(() -> {
        double acc = 0;
        long count = 0;
        long c0 = mx.getCurrentThreadCpuTime();
        while (System.nanoTime() < deadline) {
          for (int i = from; i < to; i++) acc += m.probability(recs.get(left[i]), recs.get(right[i]));
          count += to - from;
        }
        done.addAndGet(count);
        total.add(acc);
        cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
      });
      ts[t].start();
    }
    for (Thread t : ts) t.join();
    long nanos = System.nanoTime() - t0;
    if (sink + total.sum() == 42) System.out.print(""); // keep the work alive
    return new double[] {done.get() / (nanos / 1e9), done.get() / (cpu.get() / 1e9) * threads};
  }

  /** Keys of the records of a Febrl file under a mapping. */
  public static List<MatchKeys> febrlKeys(Path csv, String mapping) {
    CsvEntities.Mapping m = CsvEntities.Mapping.parse(Model.get().require("Person"), List.of(mapping));
    return CsvEntities.load(Csv.read(csv), "rec_id", m, "r").entities().parallelStream().map(MatchKeys::of).toList();
  }

  /** Runs febrl3 with all fields and reports steady-state pairs/s on {@code threads} threads. */
  public static String speed(Path febrl3, int threads, double seconds) throws InterruptedException {
    Csv.Table t = Csv.read(febrl3);
    CsvEntities.Mapping m = CsvEntities.Mapping.parse(Model.get().require("Person"), List.of(FEBRL_ALL));
    CsvEntities.Loaded loaded = CsvEntities.load(t, "rec_id", m, "r");
    List<MatchKeys> keys = loaded.entities().parallelStream().map(MatchKeys::of).toList();
    Linker.Result r = new Linker(MatcherV1.REVIEW).dedupe(keys);
    double[] pps = throughput(r, threads, seconds);
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(Locale.ROOT, "speed febrl3 all fields: %d candidate pairs, %d threads: %.0f scored pairs/s wall clock, "
        + "%.0f scored pairs/s per %d CPU-seconds (load average %.1f on %d cores)", r.candidates().size(), threads, pps[0], pps[1], threads, load,
        Runtime.getRuntime().availableProcessors());
  }

  /** OpenSanctions' labelled name pairs and the Putin name cluster, at the default threshold. */
  public static String names(Path bench) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    Path cases = bench.resolve("cases.csv");
    if (Files.exists(cases)) {
      Csv.Table t = Csv.read(cases);
      int n1 = t.require("name1");
      int n2 = t.require("name2");
      int lab = t.require("is_match");
      int schema = t.require("schema");
      int quality = t.require("quality");
      int tp = 0;
      int fp = 0;
      int fn = 0;
      int cross = 0;
      int crossFound = 0;
      int strongFail = 0;
      long t0 = System.nanoTime();
      for (String[] r : t.rows()) {
        boolean truth = r[lab].equals("true");
        double sc = org.mirabella.matching.names.NameMatcher.score(org.mirabella.matching.names.NameKey.of(r[n1]),
            org.mirabella.matching.names.NameKey.of(r[n2]));
        boolean pred = sc >= org.mirabella.matching.names.NameMatcher.DEFAULT_THRESHOLD;
        if (pred && truth) tp++;
        else if (pred) fp++;
        else if (truth) fn++;
        if (pred != truth && r[quality].equals("STRONG")) strongFail++;
        if (truth && !org.mirabella.model.types.NameType.scripts(r[n1]).equals(org.mirabella.model.types.NameType.scripts(r[n2]))) {
          cross++;
          if (pred) crossFound++;
        }
      }
      double p = tp / (double) (tp + fp);
      double rc = tp / (double) (tp + fn);
      out.append(String.format(Locale.ROOT, "names cases.csv: %d pairs, threshold %.2f: TP=%d FP=%d FN=%d P=%.3f R=%.3f F1=%.3f; "
          + "cross-script positives found %d/%d; STRONG-tier errors %d%n", t.rows().size(),
          org.mirabella.matching.names.NameMatcher.DEFAULT_THRESHOLD, tp, fp, fn, p, rc, 2 * p * rc / (p + rc), crossFound, cross, strongFail));
    }
    Path putin = bench.resolve("putin_names.txt");
    if (Files.exists(putin)) {
      List<org.mirabella.matching.names.NameKey> keys = Files.readAllLines(putin).stream().filter(x -> !x.isBlank())
          .map(org.mirabella.matching.names.NameKey::of).toList();
      int linked = 0;
      int total = 0;
      for (int i = 0; i < keys.size(); i++) {
        for (int j = i + 1; j < keys.size(); j++) {
          total++;
          if (org.mirabella.matching.names.NameMatcher.score(keys.get(i), keys.get(j)) >= org.mirabella.matching.names.NameMatcher.DEFAULT_THRESHOLD) linked++;
        }
      }
      out.append(String.format(Locale.ROOT, "names putin_names.txt: %d forms, %d/%d pairs linked = %.3f%n", keys.size(), linked, total, linked / (double) total));
    }
    return out.toString();
  }

  /** shared/data beside the repository: walks up from the working directory. */
  static Path findData() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path s = d.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(s)) return s;
    }
    return Path.of("../shared/data");
  }

  public static void main(String[] args) throws Exception {
    Path data = args.length > 0 && !args[0].equals("speed") ? Path.of(args[0]) : findData();
    if (args.length > 0 && args[0].equals("speed")) args = new String[] {data.toString(), "speed", args.length > 1 ? args[1] : "2"};
    if (args.length > 1 && args[1].equals("speed")) {
      System.out.println(speed(data.resolve("febrl/dataset3.csv"), args.length > 2 ? Integer.parseInt(args[2]) : 2, 10));
      return;
    }
    System.out.print(names(data.resolve("opensanctions-name-bench")));
    Path febrl = data.resolve("febrl");
    for (String ds : List.of("dataset1", "dataset2", "dataset3")) {
      Path f = febrl.resolve(ds + ".csv");
      if (!Files.exists(f)) continue;
      System.out.println(febrl(f, FEBRL_ALL, ds + " all fields"));
      System.out.println(febrl(f, FEBRL_NO_SSN, ds + " without soc_sec_id"));
      System.out.println(febrl(f, FEBRL_NAMES_DOB, ds + " names+dob"));
    }
    if (Files.exists(data.resolve("leipzig-dblp-acm"))) System.out.println(dblpAcm(data.resolve("leipzig-dblp-acm")));
  }
}
