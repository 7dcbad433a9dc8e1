package org.mirabella.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.json.EntityJson;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.Types;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.EntityStore;

/**
 * The first small sample case file shipped with Mirabella (four agencies holding the same man under
 * four spellings, a vessel, an interception, a victim): loaded by {@code mirabella demo} until the
 * scenario generator supplies the full synthetic case file.
 */
public final class SampleData {
  private SampleData() {}

  public static List<Entity> read(Model model) {
    List<Entity> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SampleData.class.getClassLoader().getResourceAsStream("demo/sample.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        JsonNode node = EntityJson.mapper().readTree(line);
        Provenance p = new Provenance(node.get("agency").asText(), node.get("case").asText(),
            HandlingCode.parse(node.path("handling").asText(null)), null, Grading.parse(node.path("grade").asText(null)),
            "demo/sample.jsonl", "demo", null);
        SubjectCategory cat = SubjectCategory.parse(node.path("category").asText(null));
        Entity e = new Entity(node.get("id").asText(), model.require(node.get("schema").asText()), p.agency(), p.caseRef(),
            cat, cat.reviewDate(LocalDate.now()));
        var props = new ArrayList<>(EntityJson.properties(node).entrySet());
        // Countries first: they are the hint for reading local phone numbers.
        props.sort(Comparator.comparing(en -> {
          Property prop = e.schema().property(en.getKey());
          return prop != null && prop.type() == Types.COUNTRY ? 0 : 1;
        }));
        for (var prop : props) {
          for (String v : prop.getValue()) {
            if (e.add(prop.getKey(), v, p) instanceof Cleaned.Invalid bad) {
              throw new InvalidData("Bad sample data", Map.of("demo/sample.jsonl line " + n + " " + prop.getKey(), bad.reason()));
            }
          }
        }
        out.add(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Loads the sample into the store (idempotent). */
  public static EntityStore.WriteSummary load(EntityStore store, Model model) {
    List<Entity> entities = read(model);
    return store.transaction(w -> {
      entities.stream().map(e -> e.agency() + "\u0000" + e.caseRef()).distinct().forEach(k -> {
        String[] parts = k.split("\u0000");
        w.ensureCase(parts[0], parts[1], "Sample case " + parts[1], LocalDate.of(2024, 1, 15));
      });
      w.write(entities);
    });
  }
}
