package org.mirabella.reliability;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mirabella.cli.Main;
import org.mirabella.store.Database;
import picocli.CommandLine;

/**
 * What the crash tests share: generated agency exports (DE holds a fifth of the persons IT holds,
 * with the same passports, so IT's import makes hits), child JVMs running the real command line,
 * killed with SIGKILL, and the store's contents as comparable sets.
 */
final class CrashFixture {
  static final String MAPPING = """
      source: {format: csv, delimiter: ";", dateFormats: ["yyyy-MM-dd"]}
      provenance:
        category: {column: role, map: {s: suspect, v: victim}}
        grade: {column: grade}
      entities:
        person:
          schema: Person
          keys: [person_id]
          properties:
            firstName: {column: first}
            lastName: {column: last}
            name: {template: "{first} {last}"}
            birthDate: {column: born}
            idNumber: {column: doc}
      """;
  private static final String[] FIRST = {"Mario", "Amira", "José", "Niccolò", "Fatima", "Ahmed", "Lucia", "Karim", "Elena", "Omar",
      "Yusuf", "Mariam", "Tesfaye", "Selam", "Bilal", "Noura", "Ibrahim", "Aisha", "Hassan", "Leila"};
  private static final String[] SYLLABLE = {"ba", "ke", "ro", "mi", "ta", "lu", "sa", "di", "no", "fe", "ga", "hi", "zo", "ra"};

  private CrashFixture() {}

  /** A person export of persons {@code from}..{@code to}-1; the same person has the same name, birth date and passport everywhere. */
  static Path persons(Path file, int from, int to) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("person_id;first;last;born;doc;role;grade\n");
      for (int i = from; i < to; i++) {
        Random p = new Random(i * 7919L);
        String last = SYLLABLE[p.nextInt(SYLLABLE.length)] + SYLLABLE[p.nextInt(SYLLABLE.length)] + SYLLABLE[p.nextInt(SYLLABLE.length)];
        w.write("p" + i + ";" + FIRST[p.nextInt(FIRST.length)] + ";" + Character.toUpperCase(last.charAt(0)) + last.substring(1) + ";"
            + String.format("%d-%02d-%02d", 1950 + p.nextInt(50), 1 + p.nextInt(12), 1 + p.nextInt(28)) + ";"
            + "X" + (4_000_000 + i) + ";" + (p.nextBoolean() ? "s" : "v") + ";B2\n");
      }
    }
    return file;
  }

  /** Runs the command line in this JVM; fails with its output unless it exits {@code expected}. */
  static String cli(int expected, String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    int code = cl.execute(args);
    if (code != expected) throw new AssertionError("mirabella " + String.join(" ", args) + " exited " + code + ":\n" + out);
    return out.toString();
  }

  /** The test class path, for child JVMs (surefire's own property, else the JVM's). */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** A child JVM running {@code mirabella ARGS}; output to {@code log}. */
  static Process child(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(), "org.mirabella.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else if (!p.getFileName().toString().endsWith(".lock.db")) Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What two stores must agree on after recovery. */
  record Contents(Set<String> statements, Set<String> retracted, Set<String> entities, Set<String> hits, Set<String> judgements) {
    static Contents of(Path data) {
      try (Database db = Database.embedded(data)) {
        return new Contents(set(db, "SELECT id FROM statement WHERE retracted_at IS NULL"),
            set(db, "SELECT id FROM statement WHERE retracted_at IS NOT NULL"), set(db, "SELECT id FROM entity"),
            set(db, "SELECT left_entity || '~' || right_entity || '~' || band FROM hit"),
            set(db, "SELECT h.ref || '~' || j.judgement || '~' || j.reason FROM hit_judgement j JOIN hit h ON h.id = j.hit_id"));
      }
    }

    private static Set<String> set(Database db, String sql) {
      return db.jdbi().withHandle(h -> new TreeSet<>(h.createQuery(sql).mapTo(String.class).list()));
    }
  }
}
