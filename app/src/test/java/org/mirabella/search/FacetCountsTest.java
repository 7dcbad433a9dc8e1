package org.mirabella.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Entity;
import org.mirabella.model.Model;

/** The one-pass facet counts agree with the matches themselves, after updates too (deleted documents). */
class FacetCountsTest {
  private static Map<String, Long> countBy(List<SearchResults.Hit> hits, java.util.function.Function<SearchResults.Hit, String> key) {
    return hits.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  @Test
  void countsPerSchemaAndAgencyAreThoseOfTheMatches() {
    List<Entity> sample = SampleData.read(Model.get());
    Set<String> everyCase = sample.stream().map(e -> Visibility.caseKey(e.agency(), e.caseRef())).collect(Collectors.toSet());
    try (SearchIndex index = SearchIndex.inMemory(n -> List.of())) {
      index.index(sample);
      index.index(sample.subList(0, sample.size() / 2)); // re-indexed: the old documents are deleted, not counted
      for (Visibility v : List.of(new Visibility("IT", everyCase, true), new Visibility("IT", Set.of(), false),
          new Visibility("UK", everyCase, false))) {
        for (SearchRequest req : List.of(SearchRequest.text(""), SearchRequest.text("Mohamed"),
            new SearchRequest("", Set.of("Person"), null, null, null, null, null, 0, SearchRequest.MAX_LIMIT))) {
          SearchRequest all = new SearchRequest(req.text(), req.schemata(), null, null, null, null, null, 0, SearchRequest.MAX_LIMIT);
          SearchResults r = index.search(all, v);
          assertThat(r.total()).as(v + " " + req).isEqualTo(r.hits().size());
          assertThat(r.schemata()).as(v + " " + req).isEqualTo(countBy(r.hits(), SearchResults.Hit::schema));
          assertThat(r.agencies()).as(v + " " + req).isEqualTo(countBy(r.hits(), SearchResults.Hit::agency));
        }
      }
      SearchResults everything = index.search(new SearchRequest("", null, null, null, null, null, null, 0, SearchRequest.MAX_LIMIT),
          new Visibility("IT", everyCase, true));
      assertThat(everything.total()).isEqualTo(sample.size());
      assertThat(everything.agencies().keySet()).as("every agency of the sample, in order").containsExactlyElementsOf(
          new TreeMap<>(sample.stream().collect(Collectors.groupingBy(Entity::agency, Collectors.counting()))).keySet());
    }
  }
}
