package org.mirabella.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LinkCommandTest {
  @TempDir
  Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new LinkCommand());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void unknownPropertyIsBadUsage() throws Exception {
    Path in = write("a.csv", "id,n\n1,x\n");
    assertThat(run(in.toString(), "--id", "id", "--map", "n=nosuch", "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("mirabella: --map: no property 'nosuch' in Person");
  }

  @Test
  void ragedRowNamesFileAndLine() throws Exception {
    Path in = write("a.csv", "id,n\n1,x\n2,y,z\n");
    assertThat(run(in.toString(), "--id", "id", "--map", "n=name", "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("a.csv line 3: 3 fields, header has 2");
  }

  @Test
  void missingIdColumnIsBadInput() throws Exception {
    Path in = write("a.csv", "id,n\n1,x\n");
    assertThat(run(in.toString(), "--id", "key", "--map", "n=name", "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("a.csv line 1: no column 'key'");
  }

  @Test
  void dedupesAcrossScriptsAndExplains() throws Exception {
    Path in = write("people.csv", """
        id,name,born,phone
        it-1,Mohamed Abdelrahman,1987,+218 91 234 5678
        ly-7,محمد عبد الرحمن,1987-03-02,+218912345678
        de-3,"Abdel-Rahman, Mohammed",1987-03,
        uk-9,Hafez Al-Assad,1930,+44 20 7946 0000
        fr-2,Bashar Al-Assad,1965,+33 1 23 45 67 89
        """);
    Path out = dir.resolve("pairs.csv");
    assertThat(run(in.toString(), "--id", "id", "--map", "name=name,born=birthDate,phone=phone", "--out", out.toString(), "--explain",
        "--threshold", "0.5")).isZero();
    List<String[]> rows = Csv.read(out).rows();
    assertThat(Csv.read(out).header()).containsExactly("left_id", "right_id", "score", "reasons");
    Set<String> pairs = new HashSet<>();
    for (String[] r : rows) pairs.add(r[0] + "|" + r[1]);
    assertThat(pairs).contains("it-1|ly-7", "it-1|de-3", "ly-7|de-3").doesNotContain("uk-9|fr-2");
    String reasons = rows.stream().filter(r -> r[0].equals("it-1") && r[1].equals("ly-7")).findFirst().orElseThrow()[3];
    assertThat(reasons).contains("same phone").contains("names match across scripts");
  }

  @Test
  void linksTwoFilesOneToOne() throws Exception {
    Path a = write("a.csv", "id,first,last,dob\na1,John,Smith,1970-01-02\na2,Jane,Doe,1980-05-06\n");
    Path b = write("b.csv", "id,first,last,dob\nb1,Jon,Smith,1970-01-02\nb2,Jane,Doe,1980-06-05\nb3,John,Smith,1970-01-02\n");
    Path out = dir.resolve("pairs.csv");
    assertThat(run(a.toString(), b.toString(), "--id", "id", "--map", "first=firstName,last=lastName,dob=birthDate", "--out", out.toString())).isZero();
    List<String[]> rows = Csv.read(out).rows();
    Set<String> left = new HashSet<>();
    Set<String> right = new HashSet<>();
    for (String[] r : rows) {
      assertThat(left.add(r[0])).isTrue();
      assertThat(right.add(r[1])).isTrue();
    }
  }

  /** Febrl dataset1 through the command: F1 on pairs for each mapping (the larger sets run in the benchmark). */
  @Test
  void febrlDataset1() throws Exception {
    Optional<Path> f = SharedData.file("febrl/dataset1.csv");
    assumeTrue(f.isPresent(), "shared/data not present");
    assertThat(febrlF1(f.get(), MatchingBenchmark.FEBRL_ALL)).isGreaterThanOrEqualTo(0.995);
    assertThat(febrlF1(f.get(), MatchingBenchmark.FEBRL_NO_SSN)).isGreaterThanOrEqualTo(0.975);
    assertThat(febrlF1(f.get(), MatchingBenchmark.FEBRL_NAMES_DOB)).isGreaterThanOrEqualTo(0.90);
    var names = MatchingBenchmark.febrl(f.get(), MatchingBenchmark.FEBRL_NAMES_DOB, "names+dob");
    assertThat(names.blockingRecall()).isGreaterThanOrEqualTo(0.98);
    assertThat(names.falseAtAutoMatch()).isZero();
  }

  private double febrlF1(Path csv, String map) throws Exception {
    Path out = dir.resolve("febrl-pairs.csv");
    assertThat(run(csv.toString(), "--id", "rec_id", "--map", map, "--out", out.toString())).isZero();
    int tp = 0;
    List<String[]> rows = Csv.read(out).rows();
    for (String[] r : rows) if (group(r[0]).equals(group(r[1]))) tp++;
    int truth = 500; // dataset1: 500 originals with one duplicate each
    double p = tp / (double) rows.size();
    double rc = tp / (double) truth;
    return 2 * p * rc / (p + rc);
  }

  private static String group(String id) {
    return id.replaceAll("^rec-(\\d+)-.*$", "$1");
  }
}
