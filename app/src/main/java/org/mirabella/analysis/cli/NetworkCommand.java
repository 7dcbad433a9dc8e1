package org.mirabella.analysis.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mirabella.analysis.io.InvalidEdgeList;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mirabella network}: checks on any edge list. Exit codes: 0 success, 1 failed check, 2 bad
 * usage or input (one line naming file, line and field; never a stack trace for a user error).
 */
@Command(name = "network", mixinStandardHelpOptions = true,
    description = "Network analysis on an edge list: measures, disruption simulation.",
    subcommands = {MetricsCommand.class, DisruptCommand.class, CommandLine.HelpCommand.class})
public final class NetworkCommand implements Runnable {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code body}, turning user errors into one line on stderr and exit code 2. */
  static int guarded(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return body.call();
    } catch (InvalidEdgeList | IllegalArgumentException e) {
      err.println("mirabella: " + e.getMessage());
      return BAD_INPUT;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      err.println("mirabella: " + e.getMessage());
      return BAD_INPUT;
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }
}
