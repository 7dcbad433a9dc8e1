package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OpenID Connect against a local token issuer: a real HTTP server publishing its keys (JWKS). */
class OidcTest {
  static Javalin issuer;
  static RSAKey key;
  static RSAKey otherKey;
  static OidcVerifier verifier;
  static String issuerUrl;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    issuer = Javalin.create(c -> c.showJavalinBanner = false)
        .get("/jwks", ctx -> ctx.contentType("application/json").result(new JWKSet(key.toPublicJWK()).toString()))
        .start("127.0.0.1", 0);
    issuerUrl = "http://127.0.0.1:" + issuer.port();
    var config = OidcVerifier.Config.from(Map.of("MIRABELLA_OIDC_ISSUER", issuerUrl, "MIRABELLA_OIDC_JWKS_URI", issuerUrl + "/jwks",
        "MIRABELLA_OIDC_AUDIENCE", "mirabella", "MIRABELLA_OIDC_AGENCY", "DE")::get).orElseThrow();
    verifier = new OidcVerifier(config);
  }

  @AfterAll
  static void stop() {
    issuer.stop();
  }

  static String token(RSAKey signWith, String iss, String aud, Instant exp, Object roles) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject("u-123").claim("preferred_username", "schmidt")
        .claim("roles", roles).issueTime(new Date()).expirationTime(Date.from(exp)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signWith.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(signWith));
    return jwt.serialize();
  }

  @Test
  void aTokenOfTheAgencysProviderBecomesAViewerOfThatAgency() throws Exception {
    var a = verifier.verify(token(key, issuerUrl, "mirabella", Instant.now().plusSeconds(300), List.of("analyst", "superuser")));
    assertThat(a).isPresent();
    assertThat(a.get().viewer().agency()).isEqualTo("DE");
    assertThat(a.get().viewer().user()).isEqualTo("oidc:schmidt");
    assertThat(a.get().viewer().roles()).containsExactly(Role.ANALYST);
  }

  @Test
  void wrongKeyIssuerAudienceOrExpiryIsRefused() throws Exception {
    Instant later = Instant.now().plusSeconds(300);
    assertThat(verifier.verify(token(otherKey, issuerUrl, "mirabella", later, List.of("analyst")))).isEmpty();
    assertThat(verifier.verify(token(key, "http://evil.example", "mirabella", later, List.of("analyst")))).isEmpty();
    assertThat(verifier.verify(token(key, issuerUrl, "another-app", later, List.of("analyst")))).isEmpty();
    assertThat(verifier.verify(token(key, issuerUrl, "mirabella", Instant.now().minusSeconds(600), List.of("analyst")))).isEmpty();
    assertThat(verifier.verify("not a token")).isEmpty();
  }

  @Test
  void theServerAcceptsProviderTokensForApiCalls() throws Exception {
    Map<String, String> settings = Map.of("MIRABELLA_OIDC_ISSUER", issuerUrl, "MIRABELLA_OIDC_JWKS_URI", issuerUrl + "/jwks",
        "MIRABELLA_OIDC_AUDIENCE", "mirabella", "MIRABELLA_OIDC_AGENCY", "DE");
    settings.forEach(System::setProperty);
    try (TestServer s = TestServer.start()) {
      String t = token(key, issuerUrl, "mirabella", Instant.now().plusSeconds(300), List.of("analyst"));
      var me = s.get(t, "/api/me");
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"user\":\"oidc:schmidt\"", "\"agency\":\"DE\"");
      // A provider token reads what its agency may read, and nothing else.
      assertThat(s.get(t, "/api/entities/de-bka-7781?justification=x").statusCode()).isEqualTo(200);
      assertThat(s.get(t, "/api/entities/ly-aiia-0042?justification=x").statusCode()).isEqualTo(404);
      assertThat(s.get(token(otherKey, issuerUrl, "mirabella", Instant.now().plusSeconds(300), List.of("analyst")), "/api/me")
          .statusCode()).isEqualTo(401);
      assertThat(URI.create(issuerUrl).getHost()).isEqualTo("127.0.0.1");
    } finally {
      settings.keySet().forEach(System::clearProperty);
    }
  }
}
