package org.mirabella.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URI;
import java.net.URL;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;

/**
 * Optional OpenID Connect: accepts access or ID tokens signed (RS256/ES256) by one agency's own
 * identity provider, checked against its published keys (JWKS), its issuer and Mirabella's audience.
 * The provider is bound to one agency by configuration, so it can never vouch for another agency's
 * users; roles come from a claim and unknown role names are ignored.
 *
 * <p>Configuration (environment): {@code MIRABELLA_OIDC_ISSUER}, {@code MIRABELLA_OIDC_JWKS_URI},
 * {@code MIRABELLA_OIDC_AUDIENCE}, {@code MIRABELLA_OIDC_AGENCY}, and optionally
 * {@code MIRABELLA_OIDC_USER_CLAIM} (default {@code preferred_username}) and
 * {@code MIRABELLA_OIDC_ROLES_CLAIM} (default {@code roles}).
 */
public final class OidcVerifier {
  /** One identity provider's settings. */
  public record Config(String issuer, URL jwksUri, String audience, String agency, String userClaim, String rolesClaim) {
    public Config {
      if (issuer == null || jwksUri == null || audience == null || agency == null) {
        throw new InvalidData("Bad OpenID Connect configuration", Map.of("oidc", "issuer, JWKS URI, audience and agency are required"));
      }
      agency = Agencies.get().require(agency).code();
      userClaim = userClaim == null || userClaim.isBlank() ? "preferred_username" : userClaim;
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    /** The configuration from {@code MIRABELLA_OIDC_*} variables, or empty when no issuer is set. */
    public static Optional<Config> from(Function<String, String> env) {
      String issuer = env.apply("MIRABELLA_OIDC_ISSUER");
      if (issuer == null || issuer.isBlank()) return Optional.empty();
      try {
        return Optional.of(new Config(issuer, URI.create(env.apply("MIRABELLA_OIDC_JWKS_URI")).toURL(),
            env.apply("MIRABELLA_OIDC_AUDIENCE"), env.apply("MIRABELLA_OIDC_AGENCY"), env.apply("MIRABELLA_OIDC_USER_CLAIM"),
            env.apply("MIRABELLA_OIDC_ROLES_CLAIM")));
      } catch (Exception e) {
        throw new InvalidData("Bad OpenID Connect configuration", Map.of("MIRABELLA_OIDC_JWKS_URI", String.valueOf(e.getMessage())));
      }
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OidcVerifier.class);
  private final Config config;
  private final DefaultJWTProcessor<SecurityContext> processor;

  public OidcVerifier(Config config) {
    this.config = config;
    // Timeouts of 5 s rather than nimbus' 500 ms: a busy provider must not lock users out.
    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(config.jwksUri(),
        new DefaultResourceRetriever(5_000, 5_000, 512 * 1024)).retrying(true).build();
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.audience(),
        new JWTClaimsSet.Builder().issuer(config.issuer()).build(), new HashSet<>(List.of("sub", "exp", "iat"))));
  }

  public Optional<Authenticator.Authenticated> verify(String token) {
    try {
      JWTClaimsSet c = processor.process(token, null);
      String user = c.getStringClaim(config.userClaim());
      if (user == null || user.isBlank()) user = c.getSubject();
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Object raw = c.getClaim(config.rolesClaim());
      if (raw instanceof List<?> list) {
        for (Object o : list) {
          try {
            roles.add(Role.parse(String.valueOf(o)));
          } catch (InvalidData ignored) {
            // a role Mirabella does not know grants nothing
          }
        }
      }
      Viewer v = Viewer.of("oidc:" + user, config.agency(), roles);
      return Optional.of(new Authenticator.Authenticated(v, null, c.getExpirationTime().toInstant()));
    } catch (Exception e) {
      LOG.debug("identity provider token refused: {}", e.toString());
      return Optional.empty();
    }
  }
}
