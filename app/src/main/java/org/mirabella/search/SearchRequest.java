package org.mirabella.search;

import java.util.Set;
import org.mirabella.model.InvalidData;

/**
 * A search: free text (names, identifiers, any value) plus filters. Empty filters mean "any".
 * Dates filter on any date value of the entity, as ISO prefixes ({@code 2024}, {@code 2024-03}).
 */
public record SearchRequest(String text, Set<String> schemata, Set<String> agencies, Set<String> cases,
    Set<String> countries, String dateFrom, String dateTo, int offset, int limit) {
  public static final int MAX_LIMIT = 200;

  public SearchRequest {
    text = text == null ? "" : text.strip();
    schemata = schemata == null ? Set.of() : Set.copyOf(schemata);
    agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
    cases = cases == null ? Set.of() : Set.copyOf(cases);
    countries = countries == null ? Set.of() : Set.copyOf(countries);
    if (offset < 0) throw new InvalidData("Bad search", java.util.Map.of("offset", "must be 0 or more"));
    if (limit < 1 || limit > MAX_LIMIT) throw new InvalidData("Bad search", java.util.Map.of("limit", "must be 1 to " + MAX_LIMIT));
    if (text.length() > 500) throw new InvalidData("Bad search", java.util.Map.of("q", "longer than 500 characters"));
  }

  public static SearchRequest text(String q) {
    return new SearchRequest(q, null, null, null, null, null, null, 0, 20);
  }
}
