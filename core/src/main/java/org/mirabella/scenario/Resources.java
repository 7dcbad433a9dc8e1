package org.mirabella.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the scenario's YAML data files from the class path (folder {@code scenario/}). */
final class Resources {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Resources() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String name) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream("scenario/" + name)) {
      if (in == null) throw new IllegalStateException("missing resource scenario/" + name);
      return YAML.readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  static double number(Object o, double dflt) {
    return o == null ? dflt : ((Number) o).doubleValue();
  }

  static String string(Object o, String dflt) {
    return o == null ? dflt : String.valueOf(o);
  }
}
