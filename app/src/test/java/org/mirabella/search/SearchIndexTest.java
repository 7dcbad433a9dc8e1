package org.mirabella.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mirabella.demo.SampleData;
import org.mirabella.model.Model;

class SearchIndexTest {
  private SearchIndex index;

  @BeforeEach
  void load() {
    index = SearchIndex.inMemory(name -> List.of());
    index.index(SampleData.read(Model.get()));
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static Visibility only(String agency) {
    return new Visibility(agency, Set.of(), false);
  }

  private List<String> ids(String text, Visibility v) {
    return index.search(SearchRequest.text(text), v).hits().stream().map(SearchResults.Hit::id).toList();
  }

  @Test
  void emptyIndexFindsNothing() {
    try (SearchIndex empty = SearchIndex.inMemory(n -> List.of())) {
      assertThat(empty.search(SearchRequest.text("Mohamed"), only("IT")).total()).isZero();
      assertThat(empty.count()).isZero();
    }
  }

  @Test
  void findsNamesWithTyposAndInAnyOrder() {
    assertThat(ids("Mohamed Abdelrahman", only("IT"))).containsExactly("it-sco-0001");
    assertThat(ids("abdelrahman mohamed", only("IT"))).containsExactly("it-sco-0001");
    assertThat(ids("Mohammed Abdelrahmen", only("IT"))).containsExactly("it-sco-0001");
    assertThat(ids("Mohammed", only("DE"))).containsExactly("de-bka-7781");
  }

  @Test
  void transliteratesCyrillicQueries() {
    assertThat(ids("Мохаммед", only("DE"))).containsExactly("de-bka-7781");
  }

  @Test
  void aNameInAnotherScriptRanksTheSameNameFirstNotJustAnyNameSharingAWord() {
    // Cross-script queries match by name keys alone: a record sharing more of the name's keys ranks
    // higher (it used to score every key match alike, so the man himself could fall past the page).
    List<String> names = List.of("Khaled Abdelrahman", "Anas Mohamed Ali", "Fatima Abdelrahman", "Mohamed Abdelrahman",
        "Nur Abdul Rahman", "Saif Abdelrahman", "Mahmoud Idris");
    List<org.mirabella.model.Entity> people = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      var e = new org.mirabella.model.Entity("it-p" + i, Model.get().require("Person"), "IT", "C-IT", null, null);
      e.add("name", names.get(i), org.mirabella.provenance.Provenance.of("IT", "C-IT"));
      people.add(e);
    }
    try (SearchIndex keyed = SearchIndex.inMemory(SearchIndex::matchingNameKeys)) {
      keyed.index(people);
      var hits = keyed.search(SearchRequest.text("محمد عبد الرحمن"), only("IT")).hits();
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).id()).as("first of %s", hits).isEqualTo("it-p3");
      assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }
  }

  @Test
  void findsIdentifiersWhateverTheirSpacing() {
    assertThat(ids("imo9074729", only("IT"))).containsExactly("it-sco-0002");
    assertThat(ids("GB82WEST12345698765432", only("UK"))).containsExactly("uk-nca-5522");
    assertThat(ids("+218912345678", only("UK"))).containsExactly("uk-nca-5521");
  }

  @Test
  void anotherAgencysRecordsAreInvisibleEvenInCountsAndFacets() {
    SearchResults r = index.search(SearchRequest.text("Mohammed Rahman"), only("DE"));
    assertThat(r.hits()).extracting(SearchResults.Hit::agency).containsExactly("DE");
    SearchResults all = index.search(new SearchRequest("", null, null, null, null, null, null, 0, 50), only("DE"));
    assertThat(all.total()).isEqualTo(1);
    assertThat(all.agencies()).containsOnlyKeys("DE");
  }

  @Test
  void sharedCasesAreVisibleButOtherAgenciesVictimsStayHidden() {
    Visibility deWithJit = new Visibility("DE", Set.of("IT/IT-SCO-2024-117", "FR/FR-OLTIM-2025-021"), false);
    assertThat(ids("Mohamed Abdelrahman", deWithJit)).contains("it-sco-0001");
    assertThat(ids("Selam Tesfaye", deWithJit)).isEmpty();
    assertThat(ids("Selam Tesfaye", only("FR"))).containsExactly("fr-oltim-0310");
    Visibility victimProtection = new Visibility("DE", Set.of("FR/FR-OLTIM-2025-021"), true);
    assertThat(ids("Selam Tesfaye", victimProtection)).containsExactly("fr-oltim-0310");
  }

  @Test
  void queryTextCannotInjectOperators() {
    assertThat(ids("*:* OR agency:IT", only("DE"))).isEmpty();
    assertThat(ids("agency:IT", only("DE"))).isEmpty();
  }

  @Test
  void filtersBySchemaCountryAndDate() {
    var persons = new SearchRequest("", Set.of("LegalEntity"), null, null, Set.of("ly"), null, null, 0, 50);
    assertThat(index.search(persons, only("IT")).hits()).extracting(SearchResults.Hit::id).containsExactly("it-sco-0001");
    var aug = new SearchRequest("", Set.of("Interception"), null, null, null, "2024-08", "2024-08", 0, 50);
    assertThat(index.search(aug, only("IT")).hits()).extracting(SearchResults.Hit::id).containsExactly("it-sco-0003");
    var sept = new SearchRequest("", Set.of("Interception"), null, null, null, "2024-09", null, 0, 50);
    assertThat(index.search(sept, only("IT")).total()).isZero();
  }

  @Test
  void reindexingReplacesAndDeletingRemoves() {
    index.index(SampleData.read(Model.get()));
    assertThat(index.count()).isEqualTo(8);
    index.delete(List.of("it-sco-0001"));
    assertThat(ids("Mohamed Abdelrahman", only("IT"))).isEmpty();
    assertThat(index.ids()).hasSize(7).doesNotContain("it-sco-0001");
  }
}
