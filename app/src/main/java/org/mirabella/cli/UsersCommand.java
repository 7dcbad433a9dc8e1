package org.mirabella.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mirabella.access.Role;
import org.mirabella.access.UserAccount;
import org.mirabella.access.UserStore;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Local accounts, for the administrator of the store. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage local user accounts.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Unlock.class})
final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a user of one agency with one or more roles. Without --password-stdin a random password is made and printed once.")
  static final class Add implements Runnable {
    @Mixin StoreOptions store;

    @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The user's agency, e.g. IT.")
    String agency;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "User name (lower case, e.g. it.rossi).")
    String user;

    @Option(names = "--role", required = true, paramLabel = "ROLE", split = ",",
        description = "analyst, investigator, coordinator, dpo, admin, victimProtection (repeat or comma-separate).")
    List<String> roles;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Set<Role> parsed = EnumSet.noneOf(Role.class);
      roles.forEach(r -> parsed.add(Role.parse(r)));
      char[] password = passwordStdin ? readLine() : UserStore.randomPassword();
      try (Database db = store.open()) {
        UserAccount u = new UserStore(db).add(user, agency, parsed, password);
        new JdbcAuditLog(db).record(new AuditEvent(operator(), "-", "account.add", u.username(), u.agency(), null,
            "roles " + roleText(u.roles())));
        var out = spec.commandLine().getOut();
        out.printf("Added %s of %s (%s) with roles %s.%n", u.username(), u.agency(), u.viewer().tier(), roleText(u.roles()));
        if (!passwordStdin) out.printf("Password (shown once): %s%n", new String(password));
      }
    }

    private static char[] readLine() {
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new Main.UserError("--password-stdin: no password on standard input");
        return line.toCharArray();
      } catch (IOException e) {
        throw new Main.UserError("--password-stdin: " + e.getMessage());
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the user accounts (never their passwords).")
  static final class ListUsers implements Runnable {
    @Mixin StoreOptions store;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      try (Database db = store.open()) {
        var out = spec.commandLine().getOut();
        out.printf("%-24s %-8s %-13s %-40s %s%n", "USER", "AGENCY", "TIER", "ROLES", "STATUS");
        for (UserAccount u : new UserStore(db).list()) {
          String status = u.disabled() ? "disabled" : u.lockedAt(java.time.Instant.now()) ? "locked until " + u.lockedUntil() : "active";
          out.printf("%-24s %-8s %-13s %-40s %s%n", u.username(), u.agency(), u.viewer().tier(), roleText(u.roles()), status);
        }
      }
    }
  }

  @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Unlock an account locked after failed logins.")
  static final class Unlock implements Runnable {
    @Mixin StoreOptions store;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account to unlock.")
    String user;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      try (Database db = store.open()) {
        new UserStore(db).unlock(user);
        new JdbcAuditLog(db).record(new AuditEvent(operator(), "-", "account.unlock", user, null, null, null));
        spec.commandLine().getOut().printf("Unlocked %s.%n", user);
      }
    }
  }

  /** Who ran the command: accounts are administered on the server's machine, by its operator's login. */
  static String operator() {
    return "cli:" + System.getProperty("user.name");
  }

  static String roleText(Set<Role> roles) {
    return roles.stream().sorted().map(Role::code).collect(Collectors.joining(","));
  }
}
