package org.mirabella.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;

/** Health, the OpenAPI document, the schema model and the agencies. */
public final class SystemRoutes implements Routes {
  private final ServerContext context;
  private final String openApiJson;
  private final org.mirabella.reliability.Readiness readiness;
  private volatile org.mirabella.store.EntityStore.Counts counts;
  private volatile long countedAt;

  public SystemRoutes(ServerContext context) {
    this.context = context;
    this.readiness = new org.mirabella.reliability.Readiness(context.db(), context.search());
    this.openApiJson = loadOpenApi();
  }

  @Override
  public void register(Api api) {
    // Liveness: cheap (counts cached for a few seconds), so probes cost nothing under load.
    api.get("/api/health", ctx -> {
      var counts = counts();
      ctx.json(Map.of("status", "ok", "database", context.db().dialect().name().toLowerCase(java.util.Locale.ROOT),
          "entities", counts.entities(), "statements", counts.statements()));
    });
    // Readiness: database reachable, migrations applied, search index readable; 503 naming the part that is not.
    api.get("/api/ready", ctx -> {
      var r = readiness.check();
      ctx.status(r.ready() ? 200 : 503).json(r.parts());
    });
    api.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApiJson));
    api.get("/api/schemata", ctx -> ctx.json(context.model().schemata().stream().map(SystemRoutes::summary).toList()));
    api.get("/api/schemata/{name}", ctx -> {
      Schema s = context.model().schema(ctx.pathParam("name"));
      if (s == null) throw new NotFound("no schema " + ctx.pathParam("name"));
      Map<String, Object> m = summary(s);
      Map<String, Object> props = new LinkedHashMap<>();
      for (Property p : s.properties().values()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("label", p.label());
        pm.put("type", p.type().name());
        if (p.range() != null) pm.put("range", p.range().name());
        if (p.format() != null) pm.put("format", p.format());
        pm.put("hidden", p.hidden());
        pm.put("stub", p.stub());
        props.put(p.name(), pm);
      }
      m.put("properties", props);
      ctx.json(m);
    });
    api.get("/api/agencies", ctx -> ctx.json(Agencies.get().all()));
  }

  private org.mirabella.store.EntityStore.Counts counts() {
    long now = System.nanoTime();
    if (counts == null || now - countedAt > 5_000_000_000L) {
      counts = context.entities().counts();
      countedAt = now;
    }
    return counts;
  }

  private static Map<String, Object> summary(Schema s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("label", s.label());
    m.put("plural", s.plural());
    m.put("abstract", s.isAbstract());
    m.put("extends", s.parents().stream().map(Schema::name).toList());
    m.put("edge", s.edge() == null ? null : Map.of("source", s.edge().source(), "target", s.edge().target()));
    m.put("featured", s.featured());
    m.put("required", s.required());
    return m;
  }

  private static String loadOpenApi() {
    try (InputStream in = SystemRoutes.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      Object doc = new ObjectMapper(new YAMLFactory()).readValue(in, Object.class);
      return new ObjectMapper().writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths of the OpenAPI document, for the test that checks it covers every route. */
  public static List<String> documentedPaths() {
    try (InputStream in = SystemRoutes.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      var node = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<String> out = new java.util.ArrayList<>();
      node.get("paths").fields().forEachRemaining(f -> f.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(java.util.Locale.ROOT) + " " + f.getKey())));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
