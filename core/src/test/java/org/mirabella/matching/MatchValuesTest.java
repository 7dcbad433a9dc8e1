package org.mirabella.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.matching.synth.SyntheticPersons;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.provenance.Provenance;

class MatchValuesTest {
  private static final Provenance P = Provenance.of("IT", "case-1");

  private static Entity person(String id, Map<String, List<String>> props) {
    Entity e = new Entity(id, Model.get().require("Person"), "IT", "case-1", null, null);
    props.forEach((k, vs) -> vs.forEach(v -> assertThat(e.add(k, v, P).isValid()).as(k + "=" + v).isTrue()));
    return e;
  }

  @Test
  void anEntityWithoutMatchableValuesEncodesToNothing() {
    assertThat(MatchValues.encode(person("a", Map.of()))).isEmpty();
    assertThat(MatchValues.decode("a", "")).isEmpty();
  }

  @Test
  void valuesWithTabsNewlinesAndBackslashesComeBackUnchanged() {
    Entity e = person("a", Map.of("name", List.of("O'Brien\\Seán", "Tab\tbed"), "address", List.of("Via Roma 1\nPalermo\r")));
    Map<String, List<String>> back = MatchValues.decode("a", MatchValues.encode(e));
    assertThat(back).containsEntry("name", e.values("name")).containsEntry("address", e.values("address"));
  }

  @Test
  void plainAndEscapedValuesMixedInOneLineComeBackInOrder() {
    String text = "name\tPlain One\tBack\\\\slash\tTab\\tbed\tPlain Two\t\n" + "nationality\tly\n";
    assertThat(MatchValues.decode("m", text)).containsExactly(
        Map.entry("name", List.of("Plain One", "Back\\slash", "Tab\tbed", "Plain Two", "")),
        Map.entry("nationality", List.of("ly")));
  }

  @Test
  void onlyTheValuesTheKeysAreMadeOfAreKept() {
    Entity e = person("a", Map.of("name", List.of("Mohamed Abdelrahman"), "notes", List.of("met in Tripoli"),
        "birthDate", List.of("1987-03-02"), "phone", List.of("+218912345678")));
    String text = MatchValues.encode(e);
    assertThat(text).contains("Mohamed Abdelrahman", "1987-03-02", "+218912345678").doesNotContain("Tripoli");
  }

  @Test
  void keysRemadeFromTheValuesAreTheEntitysKeys() {
    SyntheticPersons sp = new SyntheticPersons(5, 2_000);
    MatcherV1 matcher = new MatcherV1();
    MatchKeys previous = null;
    for (SyntheticPersons.Person p : sp.all()) {
      Entity e = p.entity();
      MatchKeys direct = MatchKeys.of(e);
      MatchKeys remade = MatchValues.keys(e.id(), e.schema(), MatchValues.encode(e));
      assertThat(remade.blockingKeys()).as(e.id()).isEqualTo(direct.blockingKeys());
      assertThat(remade.toString()).isEqualTo(direct.toString());
      if (previous != null) {
        assertThat(matcher.score(remade, previous)).as(e.id()).isEqualTo(matcher.score(direct, previous));
      }
      previous = direct;
    }
  }

  @Test
  void aMalformedTextNamesTheEntity() {
    assertThatThrownBy(() -> MatchValues.decode("p-17", "name")).isInstanceOf(InvalidData.class).hasMessageContaining("Malformed")
        .satisfies(x -> assertThat(((InvalidData) x).errors().toString()).contains("entity p-17"));
    assertThatThrownBy(() -> MatchValues.decode("p-17", "name\tA\\q\n")).isInstanceOf(InvalidData.class)
        .satisfies(x -> assertThat(((InvalidData) x).errors().toString()).contains("unknown escape"));
  }
}
