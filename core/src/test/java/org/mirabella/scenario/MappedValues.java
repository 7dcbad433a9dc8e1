package org.mirabella.scenario;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.CleaningContext;
import org.mirabella.model.types.Types;

/**
 * Applies an import mapping (docs/import-mapping.md) to one row the way the importer will, far enough
 * to hand every mapped value to its property's type: columns, templates and literals; dates read with
 * the mapping's patterns (strictly, so 30 February fails); decimal commas; the entity's countries as
 * the hint for local phone numbers. Reports each value with its outcome.
 */
final class MappedValues {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  /** One mapped value: where it came from and what its type made of it. */
  record Value(String entity, String property, String column, String raw, Cleaned cleaned) {}

  private MappedValues() {}

  @SuppressWarnings("unchecked")
  static void forEach(Map<String, Object> mapping, Map<String, String> row, Consumer<Value> out) {
    Map<String, Object> source = (Map<String, Object>) mapping.get("source");
    List<String> dateFormats = (List<String>) source.getOrDefault("dateFormats", List.of());
    boolean decimalComma = Boolean.TRUE.equals(source.get("decimalComma"));
    Map<String, Object> entities = (Map<String, Object>) mapping.get("entities");
    for (var e : entities.entrySet()) {
      Map<String, Object> spec = (Map<String, Object>) e.getValue();
      List<String> keys = (List<String>) spec.get("keys");
      if (keys.stream().anyMatch(k -> row.getOrDefault(k, "").isBlank())) continue;
      List<String> required = (List<String>) spec.getOrDefault("required", List.of());
      if (required.stream().anyMatch(k -> row.getOrDefault(k, "").isBlank())) continue;
      Schema schema = Model.get().require((String) spec.get("schema"));
      Map<String, Object> props = (Map<String, Object>) spec.get("properties");
      Set<String> countries = new LinkedHashSet<>();
      List<Object[]> values = new ArrayList<>();
      for (var p : props.entrySet()) {
        Property prop = schema.property(p.getKey());
        if (prop == null) throw new IllegalStateException(spec.get("schema") + " has no property " + p.getKey());
        Map<String, Object> ps = (Map<String, Object>) p.getValue();
        if (ps.containsKey("entity")) continue;
        String raw;
        String column = null;
        if (ps.containsKey("column")) {
          column = (String) ps.get("column");
          if (!row.containsKey(column)) throw new IllegalStateException("no column " + column);
          raw = row.get(column).strip();
        } else if (ps.containsKey("literal")) {
          raw = String.valueOf(ps.get("literal"));
        } else {
          Matcher m = PLACEHOLDER.matcher((String) ps.get("template"));
          StringBuilder sb = new StringBuilder();
          while (m.find()) {
            if (!row.containsKey(m.group(1))) throw new IllegalStateException("no column " + m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(row.get(m.group(1))));
          }
          m.appendTail(sb);
          raw = sb.toString().strip();
          column = (String) ps.get("template");
        }
        if (raw.isEmpty()) continue;
        if (prop.type() == Types.DATE) {
          List<String> patterns = ps.containsKey("format") ? List.of((String) ps.get("format")) : dateFormats;
          raw = isoDate(raw, patterns);
        } else if (prop.type() == Types.NUMBER && decimalComma) {
          raw = raw.replace(".", "").replace(',', '.');
        }
        if (prop.type() == Types.COUNTRY) {
          Cleaned c = Types.COUNTRY.clean(raw);
          if (c.isValid()) countries.add(c.value());
        }
        values.add(new Object[] {prop, column, raw});
      }
      for (Object[] v : values) {
        Property prop = (Property) v[0];
        Cleaned c = prop.type().clean((String) v[2], new CleaningContext(countries, prop.format()));
        out.accept(new Value(e.getKey(), prop.name(), (String) v[1], (String) v[2], c));
      }
    }
  }

  /** A date read with the first pattern that fits, in ISO form keeping its precision; else as given. */
  static String isoDate(String raw, List<String> patterns) {
    for (String pattern : patterns) {
      DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
      try {
        TemporalAccessor t = f.parse(raw);
        if (t.isSupported(ChronoField.HOUR_OF_DAY)) return java.time.LocalDateTime.from(t).toString();
        if (t.isSupported(ChronoField.DAY_OF_MONTH)) return LocalDate.from(t).toString();
        if (t.isSupported(ChronoField.MONTH_OF_YEAR)) return YearMonth.from(t).toString();
        return String.valueOf(t.get(ChronoField.YEAR));
      } catch (java.time.DateTimeException e) {
        // try the next pattern
      }
    }
    return raw;
  }
}
