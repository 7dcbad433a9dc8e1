package org.mirabella.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.mirabella.store.Database;

/**
 * Session tokens: JWTs signed with HMAC-SHA256 (nimbus-jose-jwt), short-lived (15 minutes unless
 * {@code MIRABELLA_SESSION_MINUTES}), and revocable: each token's id is a session row, and a token
 * whose session was revoked (logout, new password, account change) is refused before it expires.
 * The key is made once per store and kept in it, so several servers on one database agree.
 */
public final class TokenService {
  public static final String ISSUER = "mirabella";
  private final Database db;
  private final Duration ttl;
  private final byte[] secret;

  /** A verified token: whose, which session, until when. */
  public record Session(String username, String jti, Instant expiresAt) {}

  /** An issued token. */
  public record Issued(String token, String jti, Instant expiresAt) {}

  public TokenService(Database db, Duration ttl) {
    this.db = db;
    this.ttl = ttl;
    this.secret = loadOrCreateKey(db);
  }

  public TokenService(Database db) {
    this(db, Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("MIRABELLA_SESSION_MINUTES", "15"))));
  }

  public Duration ttl() {
    return ttl;
  }

  public Issued issue(UserAccount user) {
    Instant now = Instant.now();
    Instant exp = now.plus(ttl);
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(user.username()).jwtID(jti)
        .issueTime(Date.from(now)).expirationTime(Date.from(exp)).claim("agency", user.agency())
        .claim("roles", user.roles().stream().map(Role::code).toList()).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO user_session(jti, username, issued_at, expires_at) VALUES (:j, :u, :i, :e)")
        .bind("j", jti).bind("u", user.username()).bind("i", Timestamp.from(now)).bind("e", Timestamp.from(exp)).execute());
    return new Issued(jwt.serialize(), jti, exp);
  }

  /**
   * The session of a token when its signature (HS256 only), issuer, expiry and session all hold;
   * empty otherwise. Never throws on a malformed token.
   */
  public Optional<Session> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
      if (!jwt.verify(new MACVerifier(secret))) return Optional.empty();
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      Instant now = Instant.now();
      if (!ISSUER.equals(c.getIssuer()) || c.getExpirationTime() == null || !c.getExpirationTime().toInstant().isAfter(now)) {
        return Optional.empty();
      }
      String jti = c.getJWTID();
      String sub = c.getSubject();
      if (jti == null || sub == null) return Optional.empty();
      boolean live = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM user_session WHERE jti = :j AND username = :u AND revoked_at IS NULL AND expires_at > :now")
          .bind("j", jti).bind("u", sub).bind("now", Timestamp.from(now)).mapTo(Integer.class).one() == 1);
      return live ? Optional.of(new Session(sub, jti, c.getExpirationTime().toInstant())) : Optional.empty();
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public void revoke(String jti) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE user_session SET revoked_at = :t WHERE jti = :j AND revoked_at IS NULL")
        .bind("t", Timestamp.from(Instant.now())).bind("j", jti).execute());
  }

  private static byte[] loadOrCreateKey(Database db) {
    return db.jdbi().inTransaction(h -> {
      Optional<String> k = h.createQuery("SELECT secret FROM auth_key WHERE id = 1").mapTo(String.class).findOne();
      if (k.isPresent()) return Base64.getDecoder().decode(k.get());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      h.createUpdate("INSERT INTO auth_key(id, secret, created_at) VALUES (1, :s, :t)")
          .bind("s", Base64.getEncoder().encodeToString(key)).bind("t", Timestamp.from(Instant.now())).execute();
      return key;
    });
  }
}
