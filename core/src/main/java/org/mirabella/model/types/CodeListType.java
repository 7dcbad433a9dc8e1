package org.mirabella.model.types;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A type whose values come from a closed list of codes, each with accepted spellings: gender,
 * language, topic, currency, network role. One class serves them all; each list is data in
 * {@link Types}. A code always stands for itself. A spelling listed under two codes ({@code $} for
 * US, Canadian and Australian dollars) is ambiguous and rejected with the candidates, never guessed.
 */
public class CodeListType implements PropertyType {
  private final String name;
  private final Map<String, String> lookup = new HashMap<>();
  private final Map<String, Set<String>> ambiguous = new HashMap<>();
  private final Set<String> codes;
  private final boolean matchable;
  private final int maxLength;

  /** @param aliases code to its accepted spellings (the code itself is always accepted) */
  public CodeListType(String name, Map<String, Set<String>> aliases, boolean matchable) {
    this.name = name;
    this.matchable = matchable;
    this.codes = Set.copyOf(aliases.keySet());
    this.maxLength = Math.max(16, codes.stream().mapToInt(String::length).max().orElse(0));
    Map<String, Set<String>> candidates = new HashMap<>();
    aliases.forEach((code, spellings) -> spellings.forEach(s -> candidates.computeIfAbsent(key(s), k -> new TreeSet<>()).add(code)));
    candidates.forEach((k, cs) -> {
      if (cs.size() == 1) lookup.put(k, cs.iterator().next());
      else ambiguous.put(k, cs);
    });
    for (String code : aliases.keySet()) {
      lookup.put(key(code), code);
      ambiguous.remove(key(code));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean matchable() {
    return matchable;
  }

  /** The longest code (a topic such as {@code crime.traffick.human} has 20 characters), at least 16. */
  @Override
  public int maxLength() {
    return maxLength;
  }

  public Set<String> codes() {
    return codes;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty " + name);
    String k = key(raw);
    String code = lookup.get(k);
    if (code != null) return Cleaned.valid(code);
    Set<String> options = ambiguous.get(k);
    if (options != null) {
      return Cleaned.invalid("ambiguous " + name + " '" + raw.strip() + "': one of " + String.join(", ", options));
    }
    return Cleaned.invalid("unknown " + name + ": '" + raw.strip() + "'");
  }

  private static String key(String s) {
    return Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .replaceAll("\\s+", " ");
  }
}
