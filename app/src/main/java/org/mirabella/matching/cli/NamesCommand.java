package org.mirabella.matching.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mirabella.matching.names.NameKey;
import org.mirabella.matching.names.NameMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mirabella names}: name matching tools. */
@Command(name = "names", description = "Person-name matching across scripts and spellings.", mixinStandardHelpOptions = true,
    subcommands = NamesCommand.Score.class)
public final class NamesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code mirabella names score PAIRS.csv --out SCORES.csv}. */
  @Command(name = "score", mixinStandardHelpOptions = true,
      description = {"Scores pairs of names: input header left,right; output left,right,score with score in [0,1].",
          "A pair scoring at least the threshold is predicted a match (the threshold is reported, not applied)."})
  public static final class Score implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PAIRS.csv", description = "CSV with header left,right")
    Path pairs;

    @Option(names = "--out", required = true, paramLabel = "SCORES.csv", description = "where to write left,right,score")
    Path out;

    @Option(names = "--threshold", paramLabel = "T", description = "decision threshold to report (default ${DEFAULT-VALUE})")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Override
    public Integer call() {
      try {
        if (threshold < 0 || threshold > 1) throw new UserError("--threshold: must be in [0, 1], got " + threshold);
        Csv.Table t = Csv.read(pairs);
        int l = t.require("left");
        int r = t.require("right");
        Map<String, NameKey> keys = new HashMap<>();
        int matches = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          Csv.writeRow(w, "left", "right", "score");
          for (String[] row : t.rows()) {
            NameKey a = keys.computeIfAbsent(row[l], NameKey::of);
            NameKey b = keys.computeIfAbsent(row[r], NameKey::of);
            double s = NameMatcher.score(a, b);
            if (s >= threshold) matches++;
            Csv.writeRow(w, row[l], row[r], String.format(Locale.ROOT, "%.4f", s));
          }
        } catch (IOException e) {
          throw new UserError(out + ": cannot write (" + e.getMessage() + ")");
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%d pairs scored, %d at or above threshold %.2f -> %s%n", t.rows().size(), matches, threshold, out);
        return 0;
      } catch (UserError e) {
        spec.commandLine().getErr().println("mirabella: " + e.getMessage());
        return 2;
      }
    }
  }
}
