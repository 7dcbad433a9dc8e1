package org.mirabella.model.types;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A type whose values come from a closed list of codes, each with accepted spellings: gender,
 * language, topic, currency. One class serves them all; each list is data in {@link Types}.
 */
public class CodeListType implements PropertyType {
  private final String name;
  private final Map<String, String> lookup = new HashMap<>();
  private final Set<String> codes;
  private final boolean matchable;

  /** @param aliases code to its accepted spellings (the code itself is always accepted) */
  public CodeListType(String name, Map<String, Set<String>> aliases, boolean matchable) {
    this.name = name;
    this.matchable = matchable;
    this.codes = Set.copyOf(aliases.keySet());
    aliases.forEach((code, spellings) -> {
      lookup.put(key(code), code);
      spellings.forEach(s -> lookup.put(key(s), code));
    });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean matchable() {
    return matchable;
  }

  @Override
  public int maxLength() {
    return 16;
  }

  public Set<String> codes() {
    return codes;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty " + name);
    String code = lookup.get(key(raw));
    return code == null ? Cleaned.invalid("unknown " + name + ": '" + raw.strip() + "'") : Cleaned.valid(code);
  }

  private static String key(String s) {
    return Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }
}
