package org.mirabella.htcds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTCDS case record: field name (with prefix) to value; multi-select values are joined with
 * {@code ;} as Salesforce, HTCDS's reference platform, does. Empty values are left out, and fields
 * are kept in the standard's order.
 */
public record HtcdsRecord(Map<String, String> fields) {
  public HtcdsRecord {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : HtcdsFields.get().names()) {
      String v = fields.get(name);
      if (v != null && !v.isBlank()) ordered.put(name, v.strip());
    }
    fields = Collections.unmodifiableMap(ordered);
  }

  public String get(String field) {
    return fields.get(field);
  }
}
