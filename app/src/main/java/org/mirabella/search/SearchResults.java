package org.mirabella.search;

import java.util.List;
import java.util.Map;

/** One page of results, the total number of matches, and counts per schema and agency. */
public record SearchResults(long total, List<Hit> hits, Map<String, Long> schemata, Map<String, Long> agencies) {
  /** One matching entity: enough to list it; the profile is read through the access rules. */
  public record Hit(String id, String schema, String caption, String agency, String caseRef, String category, float score) {}
}
