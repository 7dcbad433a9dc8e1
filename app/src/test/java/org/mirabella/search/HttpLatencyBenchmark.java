package org.mirabella.search;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the search, Person listing and hits inbox routes of a running server, one client,
 * with the server process's CPU time per request (from /proc, Linux) beside the wall time, because
 * the machine is shared. Prints figures; asserts nothing. JDK only, so it runs as a source file:
 * <pre>
 * java app/src/test/java/org/mirabella/search/HttpLatencyBenchmark.java http://127.0.0.1:7171 USER PASSWORD SERVER_PID [ROUNDS]
 * </pre>
 */
public final class HttpLatencyBenchmark {
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: HttpLatencyBenchmark BASE_URL USER PASSWORD SERVER_PID [ROUNDS]");
      System.exit(2);
    }
    String base = args[0];
    BASE = base;
    long pid = Long.parseLong(args[3]);
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 40;
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
    if (login.statusCode() != 200 || !m.find()) throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
    String token = m.group(1);
    List<String> names = List.of("Mohamed Abdelrahman", "محمد عبد الرحمن", "Мухаммед Абдурахман", "Ahmed", "Hassan Ali", "Tesfaye",
        "Ibrahim", "Yusuf Osman", "Khalil", "Omar");
    System.out.printf(Locale.ROOT, "load average at start %.2f; %d rounds per route after 10 warm-up rounds%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds);
    System.out.println("| request | n | median ms | p95 ms | max ms | server CPU ms per request | results |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    run(http, token, pid, rounds, "search q=<10 names> limit=20", i -> "/api/search?limit=20&q=" + URLEncoder.encode(names.get(i % names.size()), StandardCharsets.UTF_8));
    run(http, token, pid, rounds, "Person listing limit=50", i -> "/api/entities?schema=Person&limit=50&offset=" + (i % 5) * 50);
    run(http, token, pid, rounds, "hits inbox (first page)", i -> "/api/hits");
    System.out.printf(Locale.ROOT, "load average at end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void run(HttpClient http, String token, long pid, int rounds, String label, java.util.function.IntFunction<String> path)
      throws Exception {
    for (int i = 0; i < 10; i++) call(http, token, path.apply(i));
    List<Double> ms = new ArrayList<>();
    long cpu0 = cpuMillis(pid);
    String last = "";
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = call(http, token, path.apply(i));
      ms.add((System.nanoTime() - t0) / 1e6);
      last = r.statusCode() + ", " + r.body().length() + " bytes" + r.headers().firstValue("X-Total-Count").map(x -> ", total " + x).orElse("");
    }
    long cpu = cpuMillis(pid) - cpu0;
    Collections.sort(ms);
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", label, rounds, ms.get(ms.size() / 2),
        ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1), (double) cpu / rounds, last);
  }

  private static HttpResponse<String> call(HttpClient http, String token, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Bearer " + token)
        .header("X-Justification", "benchmark: latency of search and lists").build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    return r;
  }

  static String BASE;

  /** utime + stime of a process in milliseconds (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms). */
  private static long cpuMillis(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }
}
