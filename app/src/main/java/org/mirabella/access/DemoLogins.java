package org.mirabella.access;

import java.io.PrintWriter;
import java.util.Set;
import org.mirabella.agency.Agencies;
import org.mirabella.agency.Agency;
import org.mirabella.store.Database;

/**
 * The demo's accounts: one analyst per agency ({@code analyst.it}, {@code analyst.ly}, …), each with
 * a fresh random password on every demo run, printed so the demo user can log in.
 */
public final class DemoLogins {
  private DemoLogins() {}

  public static void create(Database db, PrintWriter out) {
    UserStore users = new UserStore(db);
    out.println("Demo logins (one analyst per agency; passwords are new on every demo run):");
    for (Agency a : Agencies.get().all()) {
      String name = "analyst." + a.code().toLowerCase(java.util.Locale.ROOT);
      char[] password = UserStore.randomPassword();
      if (users.find(name).isPresent()) users.setPassword(name, password);
      else users.add(name, a.code(), Set.of(Role.ANALYST), password);
      out.printf("  %-18s %-10s %s%n", name, a.code(), new String(password));
    }
  }
}
