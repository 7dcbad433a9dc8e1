package org.mirabella.htcds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.report.Csv;

/**
 * The fields of the Human Trafficking Case Data Standard v2.0 (HTCDS by IOM, CC BY 4.0), read from
 * the field list shipped in {@code htcds/htcds_fields_v2.0.csv}: name with prefix ({@code prs_Gender}),
 * label, type, and for picklists the allowed value names. Example assessment questions (status N/A)
 * and the one unnamed row are not fields.
 */
public final class HtcdsFields {
  /** One HTCDS field. {@code values} is empty for free fields. */
  public record Field(String section, String status, boolean core, String name, String label, String type, Set<String> values) {
    public boolean picklist() {
      return type.contains("Picklist") && !values.isEmpty();
    }

    public boolean multiselect() {
      return type.startsWith("Multiselect");
    }
  }

  private static volatile HtcdsFields instance;
  private final Map<String, Field> byName;

  private HtcdsFields(Map<String, Field> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  public static HtcdsFields get() {
    if (instance == null) {
      synchronized (HtcdsFields.class) {
        if (instance == null) instance = load();
      }
    }
    return instance;
  }

  private static HtcdsFields load() {
    Map<String, Field> out = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        HtcdsFields.class.getClassLoader().getResourceAsStream("htcds/htcds_fields_v2.0.csv"), StandardCharsets.UTF_8))) {
      List<String> header = Csv.split(r.readLine());
      String line;
      while ((line = r.readLine()) != null) {
        List<String> c = Csv.split(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < c.size(); i++) row.put(header.get(i), c.get(i).strip());
        String name = row.getOrDefault("field_name_with_prefix", "");
        if (name.isEmpty() || name.equals("N/A") || "N/A".equals(row.get("status"))) continue;
        String values = row.getOrDefault("value_names", "");
        Set<String> vs = new LinkedHashSet<>();
        // Free-text advice ("Use ISO 639-2 ...") is not a list of values.
        if (!values.isEmpty() && !values.startsWith("Use ") && !values.startsWith("[")) {
          Arrays.stream(values.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).forEach(vs::add);
        }
        out.put(name, new Field(row.get("section"), row.get("status"), "Core".equals(row.get("core")), name,
            row.get("field_label"), row.get("field_type"), Collections.unmodifiableSet(vs)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HtcdsFields(out);
  }

  public Field field(String name) {
    return byName.get(name);
  }

  public Collection<Field> all() {
    return byName.values();
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
