package org.mirabella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.store.Database;
import picocli.CommandLine;

/** {@code users} and {@code audit} on a real embedded store in a temporary data folder. */
class AccessCommandsTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  static Run withStdin(String input, String... args) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void usersAddAndListNeverShowHashes(@TempDir Path data) {
    Run add = withStdin("a long enough password\n", "users", "add", "--agency", "IT", "--user", "it.rossi", "--role", "analyst",
        "--role", "victimProtection", "--password-stdin", "--data", data.toString());
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("Added it.rossi of IT (G7) with roles analyst,victimProtection.").doesNotContain("Password");
    Run generated = run("users", "add", "--agency", "LY", "--user", "ly.salem", "--role", "analyst", "--data", data.toString());
    assertThat(generated.out()).contains("(PARTNER)").containsPattern("Password \\(shown once\\): \\S{20}");
    Run list = run("users", "list", "--data", data.toString());
    assertThat(list.out()).contains("it.rossi", "ly.salem", "PARTNER", "active").doesNotContain("argon2", "a long enough password");
    Run dup = withStdin("a long enough password\n", "users", "add", "--agency", "IT", "--user", "it.rossi", "--role", "analyst",
        "--password-stdin", "--data", data.toString());
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err().strip()).isEqualTo("mirabella: User exists: user: 'it.rossi' already exists");
    assertThat(run("users", "add", "--agency", "XX", "--user", "x.y", "--role", "analyst", "--data", data.toString()).err())
        .contains("Unknown agency");
    assertThat(run("users", "add", "--agency", "IT", "--user", "x.y", "--role", "boss", "--data", data.toString()).err())
        .contains("Unknown role");
    assertThat(withStdin("short\n", "users", "add", "--agency", "IT", "--user", "x.y", "--role", "analyst", "--password-stdin",
        "--data", data.toString()).err()).contains("at least 12 characters");
    // Account administration is in the audit trail: who (the machine's operator), which account, which roles.
    assertThat(run("users", "unlock", "--user", "ly.salem", "--data", data.toString()).code()).isZero();
    try (Database db = Database.embedded(data)) {
      var trail = new JdbcAuditLog(db).query(JdbcAuditLog.Query.all()).stream()
          .map(r -> r.event().user() + " " + r.event().action() + " " + r.event().object() + " " + r.event().detail()).toList();
      String operator = "cli:" + System.getProperty("user.name");
      assertThat(trail).contains(operator + " account.add it.rossi roles analyst,victimProtection",
          operator + " account.add ly.salem roles analyst", operator + " account.unlock ly.salem null");
      assertThat(trail).as("refused additions leave no record").noneMatch(t -> t.contains("x.y"));
    }
  }

  static void appendRecords(Path data, int n) {
    try (Database db = Database.embedded(data)) {
      JdbcAuditLog log = new JdbcAuditLog(db);
      for (int i = 1; i <= n; i++) {
        log.record(new AuditEvent("it.rossi", "IT", "entity.read", "it-sco-000" + i, "IT", "case IT-SCO-2024-117", null));
      }
    }
  }

  static void sql(Path data, String sql) {
    try (Database db = Database.embedded(data)) {
      db.jdbi().useHandle(h -> h.execute(sql));
    }
  }

  @Test
  void auditVerifyPassesOnAnIntactTrail(@TempDir Path data) {
    appendRecords(data, 5);
    Run ok = run("audit", "verify", "--data", data.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Audit trail intact: 5 records");
  }

  @Test
  void auditVerifyNamesAChangedRecord(@TempDir Path data) {
    appendRecords(data, 5);
    sql(data, "UPDATE audit_log SET justification = 'nothing to see' WHERE seq = 3");
    Run bad = run("audit", "verify", "--data", data.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err().strip()).isEqualTo("mirabella: audit trail broken at record 3: record 3 does not match its hash (changed)");
  }

  @Test
  void auditVerifyNamesADeletedRecordInTheMiddleOrAtTheEnd(@TempDir Path a, @TempDir Path b) {
    appendRecords(a, 5);
    sql(a, "DELETE FROM audit_log WHERE seq = 2");
    Run mid = run("audit", "verify", "--data", a.toString());
    assertThat(mid.code()).isEqualTo(1);
    assertThat(mid.err()).contains("broken at record 2", "missing");
    appendRecords(b, 5);
    sql(b, "DELETE FROM audit_log WHERE seq = 5");
    Run end = run("audit", "verify", "--data", b.toString());
    assertThat(end.code()).isEqualTo(1);
    assertThat(end.err()).contains("broken at record 5");
  }

  @Test
  void auditVerifyNamesReorderedRecordsEvenWithHashesMovedAlong(@TempDir Path data) {
    appendRecords(data, 5);
    // Swap the contents of records 2 and 4, hashes included, keeping the sequence numbers.
    sql(data, "UPDATE audit_log SET seq = -2 WHERE seq = 2");
    sql(data, "UPDATE audit_log SET seq = 2 WHERE seq = 4");
    sql(data, "UPDATE audit_log SET seq = 4 WHERE seq = -2");
    Run bad = run("audit", "verify", "--data", data.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("broken at record 2");
  }

  @Test
  void auditListFiltersByUserEntityAndPeriod(@TempDir Path data) {
    appendRecords(data, 3);
    Run all = run("audit", "list", "--data", data.toString());
    assertThat(all.out().lines().count()).isEqualTo(3);
    Run one = run("audit", "list", "--entity", "it-sco-0002", "--data", data.toString());
    assertThat(one.out().lines().count()).isEqualTo(1);
    assertThat(one.out()).contains("case IT-SCO-2024-117");
    assertThat(run("audit", "list", "--user", "nobody", "--data", data.toString()).out()).isEmpty();
    assertThat(run("audit", "list", "--from", "2999-01-01", "--data", data.toString()).out()).isEmpty();
    assertThat(run("audit", "list", "--to", "2999-01-01", "--data", data.toString()).out().lines().count()).isEqualTo(3);
    Run bad = run("audit", "list", "--from", "yesterday", "--data", data.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--from");
  }

  @Test
  void theAccessCommandsPrintNoCaseData(@TempDir Path data) {
    assertThat(run("demo", "--no-serve", "--no-scenario", "--data", data.toString()).code()).isZero();
    appendRecords(data, 2);
    List<String> values = List.of("Selam Tesfaye", "محمد عبد الرحمن", "Abdel-Rahman", "+218", "GB82");
    for (String[] args : new String[][] {{"users", "list"}, {"audit", "list"}, {"audit", "list", "--entity", "fr-oltim-0310"},
        {"audit", "verify"}, {"users", "unlock", "--user", "analyst.it"}}) {
      List<String> full = new java.util.ArrayList<>(List.of(args));
      full.addAll(List.of("--data", data.toString()));
      Run r = run(full.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
      for (String v : values) assertThat(r.out() + r.err()).as(String.join(" ", args)).doesNotContain(v);
    }
  }

  @Test
  void demoCreatesOneAnalystPerAgencyAndPrintsTheirLogins(@TempDir Path data) {
    Run demo = run("demo", "--no-serve", "--no-scenario", "--data", data.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Demo logins").containsPattern("analyst\\.it\\s+IT\\s+\\S{20}")
        .containsPattern("analyst\\.ly\\s+LY\\s+\\S{20}").containsPattern("analyst\\.emsc\\s+EMSC\\s+\\S{20}");
    Run again = run("demo", "--no-serve", "--no-scenario", "--data", data.toString());
    assertThat(again.code()).isZero();
    assertThat(run("users", "list", "--data", data.toString()).out().lines().filter(l -> l.startsWith("analyst.")).count())
        .isEqualTo(org.mirabella.agency.Agencies.get().all().size());
  }
}
