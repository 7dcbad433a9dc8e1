package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.model.json.EntityJson;

class AuthTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(String body) throws Exception {
    return EntityJson.mapper().readTree(body);
  }

  @Test
  void passwordsAreArgon2idAndVerify() {
    PasswordHasher h = new PasswordHasher();
    String hash = h.hash("a long enough secret".toCharArray());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(h.verify("a long enough secret".toCharArray(), hash)).isTrue();
    assertThat(h.verify("a long enough secreT".toCharArray(), hash)).isFalse();
    assertThat(h.verify("x".toCharArray(), "$argon2id$garbage")).isFalse();
    assertThat(h.hash("a long enough secret".toCharArray())).isNotEqualTo(hash);
    String stored = s.db.jdbi().withHandle(x -> x.createQuery("SELECT password_hash FROM users WHERE username = 'it.analyst'")
        .mapTo(String.class).one());
    assertThat(stored).startsWith("$argon2id$").doesNotContain(TestServer.PASSWORD);
  }

  @Test
  void everyApiRouteButHealthOpenApiAndLoginNeedsAToken() throws Exception {
    assertThat(s.get(null, "/api/health").statusCode()).isEqualTo(200);
    assertThat(s.get(null, "/api/openapi.json").statusCode()).isEqualTo(200);
    for (var route : s.server.api().routes()) {
      if (AuthRoutes.PUBLIC.contains(route.path())) continue;
      String path = route.path().replaceAll("\\{[^}]+}", "x");
      var r = switch (route.method()) {
        case GET -> s.get(null, path);
        default -> s.send(route.method().name(), null, path);
      };
      assertThat(r.statusCode()).as(route.toString()).isEqualTo(401);
      assertThat(json(r.body()).get("status").asInt()).isEqualTo(401);
      var forged = s.get("eyJhbGciOiJub25lIn0.eyJzdWIiOiJpdC5hbmFseXN0In0.", path);
      if (route.method().name().equals("GET")) assertThat(forged.statusCode()).as("alg none " + route).isEqualTo(401);
    }
  }

  @Test
  void loginMeAndLogoutRevokesTheToken() throws Exception {
    var r = s.post(null, "/api/login", "{\"user\":\"de.analyst\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    String token = json(r.body()).get("token").asText();
    JsonNode me = json(s.get(token, "/api/me").body());
    assertThat(me.get("user").asText()).isEqualTo("de.analyst");
    assertThat(me.get("agency").asText()).isEqualTo("DE");
    assertThat(me.get("tier").asText()).isEqualTo("G7");
    assertThat(me.get("roles").toString()).isEqualTo("[\"analyst\"]");
    assertThat(s.post(token, "/api/logout", "").statusCode()).isEqualTo(204);
    assertThat(s.get(token, "/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aTamperedTokenIsRefused() throws Exception {
    var r = s.post(null, "/api/login", "{\"user\":\"ca.analyst\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    String token = json(r.body()).get("token").asText();
    String[] parts = token.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("ca.analyst", "it.analyst");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    assertThat(s.get(forged, "/api/me").statusCode()).isEqualTo(401);
    assertThat(s.get(token, "/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void bruteForceLocksTheAccountEvenForTheRightPassword() throws Exception {
    s.users.add("jp.target", "JP", Set.of(Role.ANALYST), TestServer.PASSWORD.toCharArray());
    int locked = 0;
    for (int i = 0; i < 8; i++) {
      var r = s.post(null, "/api/login", "{\"user\":\"jp.target\",\"password\":\"guess-" + i + "-aaaaaaa\"}");
      assertThat(r.statusCode()).isIn(401, 429);
      if (r.statusCode() == 429) locked++;
    }
    assertThat(locked).isGreaterThanOrEqualTo(4);
    var right = s.post(null, "/api/login", "{\"user\":\"jp.target\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(json(right.body()).get("detail").asText()).contains("locked");
    s.users.unlock("jp.target");
    assertThat(s.post(null, "/api/login", "{\"user\":\"jp.target\",\"password\":\"" + TestServer.PASSWORD + "\"}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownNamesLockLikeAccountsSoLockingRevealsNoAccount() throws Exception {
    int locked = 0;
    for (int i = 0; i < 7; i++) {
      var r = s.post(null, "/api/login", "{\"user\":\"no.such.user\",\"password\":\"guess-" + i + "-aaaaaaa\"}");
      if (r.statusCode() == 429) locked++;
    }
    assertThat(locked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void probingAnotherAgencysRecordIsVisibleToItsDpoNotToTheProber() throws Exception {
    assertThat(s.getAs("uk.analyst", "/api/entities/ly-aiia-0042", "X-Justification", "probe").statusCode()).isEqualTo(404);
    String owner = s.db.jdbi().withHandle(h -> h.createQuery(
        "SELECT object_agency FROM audit_log WHERE action = 'entity.read.absent' AND username = 'uk.analyst' AND object = 'ly-aiia-0042'")
        .mapTo(String.class).one());
    assertThat(owner).isEqualTo("LY");
  }

  @Test
  void unknownUsersAndBadBodiesAreRefusedPlainly() throws Exception {
    var r = s.post(null, "/api/login", "{\"user\":\"nobody\",\"password\":\"whatever-whatever\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(json(r.body()).get("detail").asText()).isEqualTo("Wrong user name or password");
    assertThat(s.post(null, "/api/login", "not json").statusCode()).isEqualTo(400);
    assertThat(s.post(null, "/api/login", "{\"user\":\"' OR 1=1 --\",\"password\":\"' OR 1=1 --\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void newPasswordRevokesOpenSessions() throws Exception {
    s.users.add("us.rotate", "US", Set.of(Role.ANALYST), TestServer.PASSWORD.toCharArray());
    var r = s.post(null, "/api/login", "{\"user\":\"us.rotate\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    String token = json(r.body()).get("token").asText();
    assertThat(s.get(token, "/api/me").statusCode()).isEqualTo(200);
    s.users.setPassword("us.rotate", "another long password".toCharArray());
    assertThat(s.get(token, "/api/me").statusCode()).isEqualTo(401);
  }
}
