package org.mirabella.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mirabella.model.InvalidData;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mirabella} command line. Exit codes: 0 success, 1 a failed check, 2 bad usage or bad
 * input (one line naming what was wrong; never a stack trace for a user error).
 */
@Command(name = "mirabella", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Mirabella: G7 units' shared platform against migrant smuggling and human trafficking.",
    subcommands = {
        DemoCommand.class,
        ServeCommand.class,
        SchemaCommand.class,
        EntityCommand.class,
        MigrateCommand.class,
        BackupCommand.class,
        RestoreCommand.class,
        CheckCommand.class,
        org.mirabella.analysis.cli.NetworkCommand.class,
        org.mirabella.matching.cli.LinkCommand.class,
        org.mirabella.matching.cli.NamesCommand.class,
        org.mirabella.xref.XrefCommand.class,
        UsersCommand.class, AuditCommand.class,
        ImportCommand.class,
        ExportCommand.class,
        BenchCommand.class,
        org.mirabella.scenario.cli.GenerateCommand.class,
        org.mirabella.report.ReportCommand.class,
        org.mirabella.htcds.HtcdsCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Lucene warns on every start that its vector code does not know this JDK (it falls back to plain
   * Java, which the benchmarks measure): a note for Lucene's developers, not for an analyst. Held here
   * because java.util.logging keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_VECTORS = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (used by tests too). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("mirabella: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return BAD_INPUT;
    });
    return cl;
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    Throwable t = ex;
    while (t != null && !(t instanceof InvalidData) && !(t instanceof UserError)) t = t.getCause();
    if (t instanceof InvalidData d) {
      err.println("mirabella: " + d.getMessage());
      return BAD_INPUT;
    }
    if (t instanceof UserError u) {
      err.println("mirabella: " + u.getMessage());
      return u.exitCode();
    }
    err.println("mirabella: internal error: " + ex);
    ex.printStackTrace(err);
    return 3;
  }

  /**
   * Fails with a one-line user error when {@code file} cannot be created: it is a folder, or its
   * folder is missing, is not a folder or is not writable. {@code what} names the file for the
   * message ("backup").
   */
  public static void requireWritableFolder(Path file, String what) {
    if (Files.isDirectory(file)) throw new UserError("cannot write " + what + " " + file + ": it is a folder, not a file");
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null) return;
    if (!Files.isDirectory(folder)) throw new UserError("cannot write " + what + " " + file + ": no folder " + folder);
    if (!Files.isWritable(folder)) throw new UserError("cannot write " + what + " " + file + ": folder " + folder + " is not writable");
  }

  /** A problem the user can fix, with its exit code; printed as one line. */
  public static class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(String message) {
      this(message, BAD_INPUT);
    }

    public UserError(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"Mirabella " + (v == null ? "development build" : v)};
    }
  }
}
