package org.mirabella.agency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/** The agencies known to Mirabella, read from {@code agencies.yaml}: data, not code. */
public final class Agencies {
  private static volatile Agencies defaults;
  private final Map<String, Agency> byCode;

  private Agencies(Map<String, Agency> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  public static Agencies get() {
    if (defaults == null) {
      synchronized (Agencies.class) {
        if (defaults == null) {
          try (InputStream in = Agencies.class.getClassLoader().getResourceAsStream("agencies.yaml")) {
            defaults = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return defaults;
  }

  @SuppressWarnings("unchecked")
  static Agencies read(InputStream in) throws IOException {
    Map<String, Map<String, Object>> raw = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
    Map<String, Agency> out = new LinkedHashMap<>();
    raw.forEach((code, d) -> out.put(code, new Agency(code, String.valueOf(d.get("name")), String.valueOf(d.get("country")),
        Tier.valueOf(String.valueOf(d.get("tier")).toUpperCase(Locale.ROOT)))));
    return new Agencies(out);
  }

  public Collection<Agency> all() {
    return byCode.values();
  }

  public Agency find(String code) {
    return code == null ? null : byCode.get(code.toUpperCase(Locale.ROOT));
  }

  /** The agency of that code; {@link InvalidData} naming the known codes if none. */
  public Agency require(String code) {
    Agency a = find(code);
    if (a == null) throw new InvalidData("Unknown agency", Map.of("agency", "'" + code + "' is not one of " + byCode.keySet()));
    return a;
  }
}
