package org.mirabella.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Schema;

/**
 * The values of an entity that its {@link MatchKeys} are made of (names, name parts, birth dates,
 * countries, gender, identifiers, phones, e-mails, IBANs, addresses: {@link MatchKeys#reads}), as one
 * short text a store keeps beside the entity's blocking keys. Incremental matching remakes a
 * candidate's keys from it ({@link #keys}) instead of reading the candidate's statements back: one
 * row instead of one per statement, and no provenance to rebuild. Name keys themselves are not
 * serialised: {@code NameKey.of} is cached process-wide, and the same names recur across records.
 *
 * <p>Format, written by hand because it is this small and must stay stable: one line per property,
 * the property name then its values, separated by tabs; a backslash, tab, line feed or carriage
 * return inside a value is escaped as {@code \\}, {@code \t}, {@code \n}, {@code \r}. Properties and
 * values keep the entity's order, so {@code keys(id, schema, encode(e))} equals {@code MatchKeys.of(e)}.
 */
public final class MatchValues {
  private MatchValues() {}

  /** The matcher's values of {@code e} (empty text when it has none). */
  public static String encode(Entity e) {
    return encode(e.schema(), e.properties());
  }

  /** The matcher's values among {@code properties} ({@link Entity#properties()}'s shape). */
  public static String encode(Schema schema, Map<String, List<String>> properties) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, List<String>> p : properties.entrySet()) {
      if (p.getValue().isEmpty() || !MatchKeys.reads(schema, p.getKey())) continue;
      b.append(p.getKey());
      for (String v : p.getValue()) escape(b.append('\t'), v);
      b.append('\n');
    }
    return b.toString();
  }

  /** The values by property written by {@link #encode}; a malformed text is an {@link InvalidData} naming the entity. */
  public static Map<String, List<String>> decode(String entityId, String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int eol = text.indexOf('\n', i);
      if (eol < 0) throw malformed(entityId, "the last line has no end");
      int tab = text.indexOf('\t', i);
      if (tab < 0 || tab > eol) throw malformed(entityId, "a property without values at character " + i);
      String property = text.substring(i, tab);
      List<String> values = new ArrayList<>(2);
      StringBuilder v = new StringBuilder();
      // a value without a backslash (nearly all) is cut out of the text as it is; the loop below
      // unescapes the others character by character (copying every value that way showed in the
      // profile of remaking candidates' keys at a million entities)
      int j0 = tab + 1;
      while (j0 <= eol) {
        int end = j0;
        char c = 0;
        while (end <= eol && (c = text.charAt(end)) != '\t' && c != '\n' && c != '\\') end++;
        if (c == '\\') break;
        values.add(text.substring(j0, end));
        j0 = end + 1;
      }
      for (int j = j0; j <= eol; j++) {
        char c = text.charAt(j);
        if (c == '\t' || c == '\n') {
          values.add(v.toString());
          v.setLength(0);
        } else if (c == '\\') {
          if (++j >= eol) throw malformed(entityId, "a backslash at the end of a value of " + property);
          char x = text.charAt(j);
          v.append(switch (x) {
            case '\\' -> '\\';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> throw malformed(entityId, "unknown escape \\" + x + " in a value of " + property);
          });
        } else {
          v.append(c);
        }
      }
      out.put(property, values);
      i = eol + 1;
    }
    return out;
  }

  /** The keys of entity {@code id} of {@code schema} from its encoded values. */
  public static MatchKeys keys(String id, Schema schema, String text) {
    return MatchKeys.of(id, schema, decode(id, text));
  }

  private static void escape(StringBuilder b, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }

  private static InvalidData malformed(String entityId, String what) {
    return new InvalidData("Malformed match values", Map.of("entity " + entityId, what));
  }
}
