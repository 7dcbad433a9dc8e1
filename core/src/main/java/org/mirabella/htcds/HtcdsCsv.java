package org.mirabella.htcds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirabella.model.InvalidData;
import org.mirabella.report.Csv;

/**
 * HTCDS records as CSV: a header of field names with prefix, then one record per line. Reading checks
 * every column against the field list and every picklist value against the field's values, and names
 * the line and field of the first error.
 */
public final class HtcdsCsv {
  private HtcdsCsv() {}

  /** The records as CSV; columns are the fields any record uses, in the standard's order. */
  public static String write(List<HtcdsRecord> records) {
    List<String> columns = HtcdsFields.get().names().stream()
        .filter(n -> records.stream().anyMatch(r -> r.get(n) != null)).toList();
    StringBuilder sb = new StringBuilder();
    Csv.line(sb, columns);
    for (HtcdsRecord r : records) Csv.line(sb, columns.stream().map(c -> r.get(c) == null ? "" : r.get(c)).toList());
    return sb.toString();
  }

  public static List<HtcdsRecord> read(BufferedReader in, String source) {
    try {
      String head = in.readLine();
      if (head != null && head.startsWith("\uFEFF")) head = head.substring(1);
      if (head == null || head.isBlank()) { // an empty upload is a mistake, not zero referrals
        throw new InvalidData("Not an HTCDS file", Map.of(source + " line 1", "empty: an HTCDS file starts with a header of field names"));
      }
      List<String> columns = Csv.split(head);
      for (String c : columns) {
        if (HtcdsFields.get().field(c.strip()) == null) {
          throw new InvalidData("Not an HTCDS file", Map.of(source + " line 1", "column '" + c + "' is not an HTCDS v2.0 field"));
        }
      }
      List<HtcdsRecord> out = new ArrayList<>();
      String line;
      int n = 1;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        List<String> cells = Csv.split(line);
        if (cells.size() != columns.size()) {
          throw new InvalidData("Bad HTCDS record", Map.of(source + " line " + n, cells.size() + " cells for " + columns.size() + " columns"));
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          String name = columns.get(i).strip();
          String v = cells.get(i).strip();
          if (v.isEmpty()) continue;
          check(HtcdsFields.get().field(name), v, source + " line " + n + " " + name);
          f.put(name, v);
        }
        out.add(new HtcdsRecord(f));
      }
      return out;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidData("Malformed file", Map.of(source, "not valid UTF-8 text (HTCDS CSV files are UTF-8)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(HtcdsFields.Field field, String v, String where) {
    if (field.picklist()) {
      for (String part : field.multiselect() ? HtcdsMapping.split(v) : List.of(v)) {
        if (!field.values().contains(part)) {
          throw new InvalidData("Bad HTCDS value", Map.of(where, "'" + part + "' is not one of " + field.values()));
        }
      }
    }
    if (field.type().equals("Number") && !v.matches("-?\\d+(\\.\\d+)?")) {
      throw new InvalidData("Bad HTCDS value", Map.of(where, "'" + v + "' is not a number"));
    }
  }
}
