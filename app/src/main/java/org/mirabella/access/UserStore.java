package org.mirabella.access;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;
import org.mirabella.store.Database;

/** Local accounts: one agency each, roles, an Argon2id password hash, failed-attempt count and lock. */
public final class UserStore {
  private static final String NAME = "[a-z0-9][a-z0-9._-]{1,63}";
  private final Database db;
  private final PasswordHasher hasher;

  public UserStore(Database db, PasswordHasher hasher) {
    this.db = db;
    this.hasher = hasher;
  }

  public UserStore(Database db) {
    this(db, new PasswordHasher());
  }

  public PasswordHasher hasher() {
    return hasher;
  }

  /** Adds an account; the user name must be new. */
  public UserAccount add(String username, String agency, Set<Role> roles, char[] password) {
    String u = checkName(username);
    String a = Agencies.get().require(agency).code();
    if (roles.isEmpty()) throw new InvalidData("Bad user", Map.of("role", "give at least one role"));
    checkPassword(password);
    String hash = hasher.hash(password);
    db.jdbi().useTransaction(h -> {
      if (h.createQuery("SELECT COUNT(*) FROM users WHERE username = :u").bind("u", u).mapTo(Integer.class).one() > 0) {
        throw new InvalidData("User exists", Map.of("user", "'" + u + "' already exists"));
      }
      h.createUpdate("INSERT INTO users(username, agency, roles, password_hash, created_at) VALUES (:u, :a, :r, :h, :t)")
          .bind("u", u).bind("a", a).bind("r", rolesText(roles)).bind("h", hash).bind("t", Timestamp.from(Instant.now()))
          .execute();
    });
    return find(u).orElseThrow();
  }

  /** Sets a new password, clears the lock and revokes the user's sessions. */
  public void setPassword(String username, char[] password) {
    checkPassword(password);
    String hash = hasher.hash(password);
    int n = db.jdbi().withHandle(h -> {
      int c = h.createUpdate("UPDATE users SET password_hash = :h, failed_attempts = 0, locked_until = NULL WHERE username = :u")
          .bind("h", hash).bind("u", username).execute();
      h.createUpdate("UPDATE user_session SET revoked_at = :t WHERE username = :u AND revoked_at IS NULL")
          .bind("t", Timestamp.from(Instant.now())).bind("u", username).execute();
      return c;
    });
    if (n == 0) throw new InvalidData("Unknown user", Map.of("user", "no user '" + username + "'"));
  }

  public void unlock(String username) {
    int n = db.jdbi().withHandle(h -> h.createUpdate("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = :u")
        .bind("u", username).execute());
    if (n == 0) throw new InvalidData("Unknown user", Map.of("user", "no user '" + username + "'"));
  }

  public Optional<UserAccount> find(String username) {
    if (username == null) return Optional.empty();
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM users WHERE username = :u").bind("u", username)
        .map(MAPPER).findOne());
  }

  public List<UserAccount> list() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY agency, username").map(MAPPER).list());
  }

  /** The stored hash, for the authenticator only. */
  Optional<String> passwordHash(String username) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE username = :u")
        .bind("u", username).mapTo(String.class).findOne());
  }

  /** Counts a failed attempt; locks the account until {@code lockUntil} when the count reaches {@code max}. Returns the count. */
  int recordFailure(String username, int max, Instant lockUntil) {
    return db.jdbi().inTransaction(h -> {
      h.createUpdate("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE username = :u").bind("u", username).execute();
      int n = h.createQuery("SELECT failed_attempts FROM users WHERE username = :u").bind("u", username).mapTo(Integer.class).one();
      if (n >= max) {
        h.createUpdate("UPDATE users SET locked_until = :t, failed_attempts = 0 WHERE username = :u")
            .bind("t", Timestamp.from(lockUntil)).bind("u", username).execute();
      }
      return n;
    });
  }

  void recordSuccess(String username) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = :u")
        .bind("u", username).execute());
  }

  /** A random password of 20 characters from an unambiguous alphabet (about 110 bits). */
  public static char[] randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom r = new SecureRandom();
    char[] out = new char[20];
    for (int i = 0; i < out.length; i++) out[i] = alphabet.charAt(r.nextInt(alphabet.length()));
    return out;
  }

  private static String checkName(String username) {
    if (username == null || !username.matches(NAME)) {
      throw new InvalidData("Bad user", Map.of("user", "'" + username + "' is not a user name (2-64 of a-z 0-9 . _ -, lower case)"));
    }
    return username;
  }

  private static void checkPassword(char[] password) {
    if (password == null || password.length < 12) {
      throw new InvalidData("Bad password", Map.of("password", "at least 12 characters"));
    }
  }

  static String rolesText(Set<Role> roles) {
    return roles.stream().sorted().map(Role::code).collect(Collectors.joining(","));
  }

  static Set<Role> parseRoles(String text) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Role::parse).forEach(out::add);
    return out;
  }

  private static final RowMapper<UserAccount> MAPPER = (rs, ctx) -> {
    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
    return new UserAccount(rs.getString("username"), rs.getString("agency"), parseRoles(rs.getString("roles")),
        rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(), rs.getBoolean("disabled"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  };
}
