package org.mirabella.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;

/**
 * Logs users in with their password and turns a bearer token into a {@link Viewer}. After
 * {@code maxFailures} wrong passwords in a row an account is locked for {@code lockFor}, and while
 * locked even the right password is refused. Unknown users cost the same hashing time as known ones.
 * Every login, failure and lock goes to the audit trail.
 */
public final class Authenticator {
  private final UserStore users;
  private final TokenService tokens;
  private final AuditLog audit;
  private final int maxFailures;
  private final Duration lockFor;
  private final String dummyHash;
  private volatile OidcVerifier oidc;
  /** Failed attempts for names that are no account, so that locking does not tell who has one. */
  private final java.util.Map<String, int[]> unknownFailures = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Instant> unknownLocked = new java.util.concurrent.ConcurrentHashMap<>();

  /** The outcome of a login. */
  public sealed interface Login {
    record Success(UserAccount user, TokenService.Issued token) implements Login {}

    record Refused() implements Login {}

    record Locked(Instant until) implements Login {}
  }

  public Authenticator(UserStore users, TokenService tokens, AuditLog audit, int maxFailures, Duration lockFor) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.maxFailures = maxFailures;
    this.lockFor = lockFor;
    this.dummyHash = users.hasher().hash("not-a-password-of-anyone".toCharArray());
  }

  public Authenticator(UserStore users, TokenService tokens, AuditLog audit) {
    this(users, tokens, audit, Integer.parseInt(System.getenv().getOrDefault("MIRABELLA_LOGIN_MAX_FAILURES", "5")),
        Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("MIRABELLA_LOGIN_LOCK_MINUTES", "15"))));
  }

  /** Adds verification of tokens from an agency's own identity provider. */
  public Authenticator withOidc(OidcVerifier verifier) {
    this.oidc = verifier;
    return this;
  }

  public TokenService tokens() {
    return tokens;
  }

  public Login login(String username, char[] password) {
    Instant now = Instant.now();
    Optional<UserAccount> found = users.find(username);
    if (found.isEmpty() || found.get().disabled()) {
      users.hasher().verify(password, dummyHash);
      return refuseUnknown(String.valueOf(username), now);
    }
    UserAccount u = found.get();
    if (u.lockedAt(now)) {
      audit.record(new AuditEvent(u.username(), u.agency(), "login.locked", null, null, null, "attempt while locked"));
      return new Login.Locked(u.lockedUntil());
    }
    if (!users.hasher().verify(password, users.passwordHash(u.username()).orElse(null))) {
      int n = users.recordFailure(u.username(), maxFailures, now.plus(lockFor));
      if (n >= maxFailures) {
        audit.record(new AuditEvent(u.username(), u.agency(), "login.locked", null, null, null,
            n + " failed attempts; locked for " + lockFor.toMinutes() + " min"));
        return new Login.Locked(now.plus(lockFor));
      }
      audit.record(new AuditEvent(u.username(), u.agency(), "login.failed", null, null, null, "wrong password (" + n + ")"));
      return new Login.Refused();
    }
    users.recordSuccess(u.username());
    TokenService.Issued t = tokens.issue(u);
    audit.record(new AuditEvent(u.username(), u.agency(), "login", null, null, null, null));
    return new Login.Success(u, t);
  }

  /** Unknown names lock like accounts do, so a lockout does not reveal which names are accounts. */
  private Login refuseUnknown(String username, Instant now) {
    String key = username.length() > 128 ? username.substring(0, 128) : username;
    Instant until = unknownLocked.get(key);
    if (until != null && until.isAfter(now)) {
      audit.record(new AuditEvent(key, "-", "login.locked", null, null, null, "attempt while locked (no such account)"));
      return new Login.Locked(until);
    }
    if (unknownFailures.size() > 10_000) unknownFailures.clear();
    if (unknownLocked.size() > 10_000) unknownLocked.clear();
    int n = ++unknownFailures.computeIfAbsent(key, k -> new int[1])[0];
    if (n >= maxFailures) {
      unknownFailures.remove(key);
      unknownLocked.put(key, now.plus(lockFor));
      audit.record(new AuditEvent(key, "-", "login.locked", null, null, null, n + " failed attempts (no such account)"));
      return new Login.Locked(now.plus(lockFor));
    }
    audit.record(new AuditEvent(key, "-", "login.failed", null, null, null, "unknown user (" + n + ")"));
    return new Login.Refused();
  }

  /** The viewer behind a bearer token (Mirabella's own, or the configured identity provider's), if valid now. */
  public Optional<Authenticated> authenticate(String token) {
    if (token == null || token.isBlank()) return Optional.empty();
    Optional<TokenService.Session> s = tokens.verify(token);
    if (s.isPresent()) {
      return users.find(s.get().username()).filter(u -> !u.disabled() && !u.lockedAt(Instant.now()))
          .map(u -> new Authenticated(u.viewer(), s.get().jti(), s.get().expiresAt()));
    }
    OidcVerifier o = oidc;
    return o == null ? Optional.empty() : o.verify(token);
  }

  /** An authenticated caller: the viewer, the session id (null for identity-provider tokens) and expiry. */
  public record Authenticated(Viewer viewer, String sessionId, Instant expiresAt) {}
}
