package org.mirabella.scenario;

import static org.mirabella.scenario.Resources.map;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Column names and coded values by language, from {@code scenario/columns.yaml}. A label or value
 * missing in a language falls back to English.
 */
public final class Vocabulary {
  private static volatile Vocabulary instance;
  private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();
  private final Map<String, Map<String, Map<String, String>>> values = new LinkedHashMap<>();

  private Vocabulary() {
    Map<String, Object> y = Resources.yaml("columns.yaml");
    map(y.get("labels")).forEach((lang, m) -> {
      Map<String, String> l = new LinkedHashMap<>();
      map(m).forEach((k, v) -> l.put(k, String.valueOf(v)));
      labels.put(lang, l);
    });
    map(y.get("values")).forEach((lang, m) -> {
      Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
      map(m).forEach((kind, codes) -> {
        Map<String, String> c = new LinkedHashMap<>();
        map(codes).forEach((k, v) -> c.put(k, String.valueOf(v)));
        kinds.put(kind, c);
      });
      values.put(lang, kinds);
    });
  }

  public static Vocabulary get() {
    if (instance == null) {
      synchronized (Vocabulary.class) {
        if (instance == null) instance = new Vocabulary();
      }
    }
    return instance;
  }

  /** The column name of a logical field in a language. */
  public String label(String lang, String field) {
    String l = labels.getOrDefault(lang, Map.of()).get(field);
    if (l == null) l = labels.get("en").get(field);
    if (l == null) throw new IllegalStateException("no column label for field " + field);
    return l;
  }

  /** How a language writes a coded value ({@code gender}/{@code male} gives {@code maschio} in Italian). */
  public String value(String lang, String kind, String code) {
    String v = values.getOrDefault(lang, Map.of()).getOrDefault(kind, Map.of()).get(code);
    if (v == null) v = values.get("en").getOrDefault(kind, Map.of()).get(code);
    return v == null ? code : v;
  }

  /** All words of a kind in a language, word to code (for a mapping's value map). */
  public Map<String, String> words(String lang, String kind) {
    Map<String, String> out = new LinkedHashMap<>();
    values.get("en").getOrDefault(kind, Map.of()).keySet().forEach(code -> out.put(value(lang, kind, code), code));
    return out;
  }
}
