package org.mirabella.scenario;

import static org.mirabella.scenario.Resources.list;
import static org.mirabella.scenario.Resources.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names of {@code scenario/names.yaml}: per culture, given names by gender and family names. */
public final class NameBank {
  /** Scripts other than Latin that a name may be written in. */
  public static final List<String> SCRIPTS = List.of("ar", "ru", "ti", "ja", "zh");

  /** One name and its spellings: Latin variants (the first is the most common), styles, scripts. */
  public record Name(List<String> latin, Map<String, String> forms) {
    /** The spelling an agency's style prefers, else the most common Latin one. */
    public String styled(String style) {
      String f = forms.get(style);
      if (f == null && style.equals("us")) f = forms.get("en");
      return f == null ? latin.get(0) : f;
    }

    /** The name in a script ({@code ar}, {@code ru}, ...), or null. */
    public String script(String script) {
      return forms.get(script);
    }

    public String canonical() {
      return latin.get(0);
    }
  }

  public record Culture(List<Name> male, List<Name> female, List<Name> family) {}

  private static volatile NameBank instance;
  private final Map<String, Culture> cultures = new LinkedHashMap<>();

  private NameBank() {
    Resources.yaml("names.yaml").forEach((culture, v) -> {
      Map<String, Object> c = map(v);
      cultures.put(culture, new Culture(names(c.get("male")), names(c.get("female")), names(c.get("family"))));
    });
  }

  private static List<Name> names(Object o) {
    List<Name> out = new ArrayList<>();
    for (Object n : list(o)) {
      Map<String, Object> m = map(n);
      Map<String, String> forms = new LinkedHashMap<>();
      m.forEach((k, val) -> {
        if (!k.equals("latin")) forms.put(k, String.valueOf(val));
      });
      out.add(new Name(list(m.get("latin")).stream().map(String::valueOf).toList(), forms));
    }
    return List.copyOf(out);
  }

  public static NameBank get() {
    if (instance == null) {
      synchronized (NameBank.class) {
        if (instance == null) instance = new NameBank();
      }
    }
    return instance;
  }

  public Culture culture(String name) {
    Culture c = cultures.get(name);
    if (c == null) throw new IllegalStateException("no names for culture " + name);
    return c;
  }
}
