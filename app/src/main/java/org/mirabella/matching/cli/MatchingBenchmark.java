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
 * <p>Run: {@code java -cp app/target/classes:... org.mirabella.matching.cli.MatchingBenchmark ../shared/data}
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

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
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
