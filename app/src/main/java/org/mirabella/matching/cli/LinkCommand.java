package org.mirabella.matching.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mirabella.matching.Linker;
import org.mirabella.matching.MatchKeys;
import org.mirabella.matching.MatcherV1;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mirabella link}: deduplicates one CSV file or links two, with the matcher fitted on the
 * files themselves (no labels), and writes one row per predicted match.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"Deduplicates LEFT.csv, or links LEFT.csv to RIGHT.csv (one to one).",
        "Writes left_id,right_id,score (and reasons with --explain), one row per predicted match."})
public final class LinkCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..2", paramLabel = "FILE.csv", description = "LEFT.csv [RIGHT.csv]")
  List<Path> files;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "the column with record ids")
  String id;

  @Option(names = "--map", required = true, paramLabel = "COL=property[,COL=property...]",
      description = "columns to properties; several columns for one property are joined by a space in this order")
  List<String> map;

  @Option(names = "--schema", paramLabel = "SCHEMA", description = "schema of the records (default ${DEFAULT-VALUE})")
  String schema = "Person";

  @Option(names = "--threshold", paramLabel = "T", description = "minimum match probability in [0,1] (default ${DEFAULT-VALUE})")
  double threshold = MatcherV1.REVIEW;

  @Option(names = "--out", required = true, paramLabel = "PAIRS.csv", description = "where to write the predicted matches")
  Path out;

  @Option(names = "--explain", description = "add a reasons column")
  boolean explain;

  @Override
  public Integer call() {
    try {
      if (threshold < 0 || threshold > 1) throw new UserError("--threshold: must be in [0, 1], got " + threshold);
      Schema s = Model.get().schema(schema);
      if (s == null) throw new UserError("--schema: no schema '" + schema + "'");
      if (s.isAbstract()) throw new UserError("--schema: " + schema + " is abstract");
      CsvEntities.Mapping mapping = CsvEntities.Mapping.parse(s, map);
      CsvEntities.Loaded left = CsvEntities.load(Csv.read(files.get(0)), id, mapping, "l");
      CsvEntities.Loaded right = files.size() > 1 ? CsvEntities.load(Csv.read(files.get(1)), id, mapping, "r") : null;
      List<MatchKeys> lk = left.entities().parallelStream().map(MatchKeys::of).toList();
      Linker linker = new Linker(threshold);
      Linker.Result result;
      if (right == null) {
        result = linker.dedupe(lk);
      } else {
        List<MatchKeys> rk = right.entities().parallelStream().map(MatchKeys::of).toList();
        result = linker.link(lk, rk);
      }
      write(result, left, right);
      int rejected = left.rejected() + (right == null ? 0 : right.rejected());
      var o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "%d records, %d candidate pairs, %d matches at threshold %.2f (%s) -> %s%n",
          result.records().size(), result.candidates().size(), result.matches().size(), threshold, MatcherV1.NAME, out);
      if (rejected > 0) {
        o.printf("%d values not understood and skipped, first: %s%n", rejected,
            left.firstRejection() != null ? left.firstRejection() : right.firstRejection());
      }
      return 0;
    } catch (UserError e) {
      spec.commandLine().getErr().println("mirabella: " + e.getMessage());
      return 2;
    } catch (InvalidData e) {
      spec.commandLine().getErr().println("mirabella: " + e.title() + " " + e.errors());
      return 2;
    }
  }

  private void write(Linker.Result result, CsvEntities.Loaded left, CsvEntities.Loaded right) {
    int leftSize = result.leftSize();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      if (explain) Csv.writeRow(w, "left_id", "right_id", "score", "reasons");
      else Csv.writeRow(w, "left_id", "right_id", "score");
      for (Linker.ScoredPair p : result.matches()) {
        String a = left.ids().get(p.left());
        String b = right == null ? left.ids().get(p.right()) : right.ids().get(p.right() - leftSize);
        String score = String.format(Locale.ROOT, "%.4f", p.score());
        if (explain) Csv.writeRow(w, a, b, score, String.join("; ", result.explain(p).reasons()));
        else Csv.writeRow(w, a, b, score);
      }
    } catch (IOException e) {
      throw new UserError(out + ": cannot write (" + e.getMessage() + ")");
    }
  }
}
