package org.mirabella.matching.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the PostgreSQL backends serving one database, read from {@code /proc} (Linux, server on
 * this machine): each backend's title names its database ({@code postgres: USER DB HOST(PORT) STATE}),
 * so a benchmark on a database of its own counts exactly its server-side work, not the other
 * sessions' on a shared server. A backend that exits takes its time with it: read while the
 * connections are open (a pool keeps them). -1 when {@code /proc} is not readable.
 */
final class ServerCpu {
  /** Clock ticks per second of {@code /proc/PID/stat} (USER_HZ: 100 on every Linux architecture in use). */
  private static final double TICKS = 100.0;

  private ServerCpu() {}

  /** Seconds of user plus system CPU of the live backends of {@code database}, or -1. */
  static double seconds(String database) {
    String marker = " " + database + " ";
    long ticks = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String pid = p.getFileName().toString();
        if (pid.isEmpty() || !Character.isDigit(pid.charAt(0))) continue;
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
          if (!cmd.startsWith("postgres: ") || !cmd.contains(marker)) continue;
          String stat = Files.readString(p.resolve("stat"));
          // fields after the command (which is in parentheses and may hold spaces): state is field 3, utime 14, stime 15
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
          // the process ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks / TICKS;
  }
}
