package org.mirabella.access;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mirabella.agency.Agencies;
import org.mirabella.demo.SampleData;
import org.mirabella.http.MirabellaServer;
import org.mirabella.http.ServerContext;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;
import org.mirabella.store.TestDatabases;

/**
 * A real server on 127.0.0.1 (random port) over a real H2 store holding the sample case file plus
 * disclosures, and one user per agency and role that the access tests need. No mocks.
 *
 * <p>What is disclosed: IT shares its case with DE; DE shares its (H1) case with IT; UK shares its
 * case (with an H3 entity) with IT; LY shares its H2 case with IT only; FR shares its victim case
 * with IT and LY. Nothing is shared with UK, FR, CA, TN, EMSC.
 */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery staple";
  /** Values only their owners (and the agencies named above) may ever see. */
  public static final String LY_H2_NAME = "محمد عبد الرحمن";
  public static final String FR_VICTIM_NAME = "Selam Tesfaye";
  public static final String DE_H1_NAME = "Abdel-Rahman, Mohammed";
  public static final String UK_H3_NAME = "Kamal Haddad";
  public static final String IT_NAME = "Mohamed Abdelrahman";

  public final Database db;
  public final ServerContext context;
  public final MirabellaServer server;
  public final UserStore users;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private TestServer() {
    db = TestDatabases.h2();
    context = ServerContext.of(db);
    context.entities().ensureAgencies(Agencies.get());
    SampleData.load(context.entities(), Model.get());
    Entity h3 = new Entity("uk-nca-5523", Model.get().require("Person"), "UK", "UK-NCA-OIC-884", SubjectCategory.SUSPECT, null);
    h3.add("name", UK_H3_NAME, Provenance.of("UK", "UK-NCA-OIC-884").withHandling(HandlingCode.H3, "not to be shown to Libyan authorities"));
    context.entities().write(List.of(h3));
    for (String[] s : new String[][] {{"IT", "IT-SCO-2024-117", "DE"}, {"DE", "DE-BKA-ST-3312", "IT"},
        {"UK", "UK-NCA-OIC-884", "IT"}, {"LY", "LY-AIIA-2024-09", "IT"}, {"FR", "FR-OLTIM-2025-021", "IT"},
        {"FR", "FR-OLTIM-2025-021", "LY"}}) {
      context.entities().shareCase(s[0], s[1], s[2]);
    }
    // Cheap Argon2id parameters for the fixtures (they travel in each hash; the server verifies with them).
    org.mirabella.search.IndexSync.sync(context.entities(), context.search());
    users = new UserStore(db, new PasswordHasher(1024, 1, 1));
    for (String a : List.of("IT", "DE", "UK", "FR", "LY", "TN", "CA", "EMSC")) add(a.toLowerCase() + ".analyst", a, Role.ANALYST);
    add("it.victims", "IT", Role.VICTIM_PROTECTION);
    add("ly.victims", "LY", Role.VICTIM_PROTECTION);
    add("uk.victims", "UK", Role.VICTIM_PROTECTION);
    add("emsc.dpo", "EMSC", Role.DPO);
    add("tn.coordinator", "TN", Role.COORDINATOR);
    add("it.admin", "IT", Role.ADMIN);
    add("it.dpo", "IT", Role.DPO);
    add("fr.dpo", "FR", Role.DPO);
    add("fr.investigator", "FR", Role.INVESTIGATOR);
    server = new MirabellaServer(context).start("127.0.0.1", 0);
  }

  public static TestServer start() {
    return new TestServer();
  }

  private void add(String user, String agency, Role role) {
    users.add(user, agency, Set.of(role), PASSWORD.toCharArray());
  }

  /** Users who must see nothing of LY's H2, FR's victim or DE's H1 data: one per tier, plus a bare admin. */
  public static List<String> outsiders() {
    return List.of("uk.analyst", "ca.analyst", "tn.analyst", "emsc.analyst", "it.admin", "fr.dpo");
  }

  public String token(String user) {
    return tokens.computeIfAbsent(user, u -> {
      try {
        var r = post(null, "/api/login", "{\"user\":\"" + u + "\",\"password\":\"" + PASSWORD + "\"}");
        if (r.statusCode() != 200) throw new IllegalStateException("login " + u + ": " + r.body());
        return org.mirabella.model.json.EntityJson.mapper().readTree(r.body()).get("token").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  public HttpResponse<String> get(String token, String path, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token, headers);
  }

  public HttpResponse<String> post(String token, String path, String json, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json"), token, headers);
  }

  /** As {@code user} (logged in once, token reused). */
  public HttpResponse<String> getAs(String user, String path, String... headers) throws Exception {
    return get(token(user), path, headers);
  }

  public HttpResponse<String> postAs(String user, String path, String json, String... headers) throws Exception {
    return post(token(user), path, json, headers);
  }

  /** Any method with an empty body. */
  public HttpResponse<String> send(String method, String token, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), token);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String token, String... headers) throws Exception {
    if (token != null) b.header("Authorization", "Bearer " + token);
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public static LocalDate today() {
    return LocalDate.now();
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
