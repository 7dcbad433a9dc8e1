package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.SubjectCategory;

class RowMapperTest {
  static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

  record MapRow(long line, Map<String, String> cells) implements Row {
    @Override
    public String get(String column) {
      return cells.get(column);
    }

    @Override
    public String raw() {
      return String.join("|", cells.values());
    }
  }

  static Row row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return new MapRow(7, m);
  }

  static RowMapper mapper(String yaml) {
    Mapping m = MappingLoaderTest.load(yaml);
    ImportSettings s = new ImportSettings("IT", "IT-1", HandlingCode.H1, null, Grading.parse("B2"), "tester", AT);
    return new RowMapper(m, s, "persone.csv", "m.yaml:persone.csv");
  }

  static final String PERSONS = """
      source: {dateFormats: ["dd/MM/yyyy", "MM/yyyy", "yyyy年M月d日"], decimalComma: true}
      provenance:
        category: {column: ruolo, map: {indagato: suspect, vittima: victim}}
        grade: {column: valutazione}
      entities:
        person:
          schema: Person
          keys: [id]
          properties:
            name: {template: "{nome} {cognome}"}
            firstName: {column: nome}
            birthDate: {column: nascita}
            phone: {columns: [telefono, cellulare], split: "/"}
            nationality: {column: paese}
            address: {columns: [via, citta], join: ", "}
            country: {literal: it}
        payment:
          schema: Payment
          keys: [id, importo]
          required: [importo]
          properties:
            payer: {entity: person}
            amount: {column: importo}
            currency: {literal: EUR}
      """;

  @Test
  void makesEntitiesWithCleanValuesAndTheSourcesOriginals() {
    var r = mapper(PERSONS).map(row("id", "17", "nome", "Mario", "cognome", "Rossi", "nascita", "17/03/1987",
        "telefono", "333 123 4567 / 06 1234 5678", "cellulare", "", "paese", "Italy", "via", "Via Roma 1", "citta", "Roma",
        "ruolo", "indagato", "valutazione", "a1", "importo", "1.500,50"));
    assertThat(r.rejects()).isEmpty();
    assertThat(r.entities()).hasSize(2);
    Entity person = r.entities().get(0);
    assertThat(person.id()).isEqualTo(RowMapper.entityId("IT", "IT-1", "person", List.of("17"))).startsWith("it-");
    assertThat(person.category()).isEqualTo(SubjectCategory.SUSPECT);
    assertThat(person.values("name")).containsExactly("Mario Rossi");
    assertThat(person.values("birthDate")).containsExactly("1987-03-17");
    assertThat(person.values("nationality")).containsExactly("it");
    assertThat(person.values("phone")).containsExactly("+393331234567", "+390612345678");
    assertThat(person.values("address")).containsExactly("Via Roma 1, Roma");
    Statement birth = person.statements().stream().filter(s -> s.property().equals("birthDate")).findFirst().orElseThrow();
    assertThat(birth.originalValue()).isEqualTo("17/03/1987");
    assertThat(birth.provenance().grading().toString()).isEqualTo("A1");
    assertThat(birth.provenance().handling()).isEqualTo(HandlingCode.H1);
    assertThat(birth.provenance().source()).isEqualTo("m.yaml:persone.csv");
    assertThat(birth.provenance().recordedAt()).isEqualTo(AT);
    Entity payment = r.entities().get(1);
    assertThat(payment.values("payer")).containsExactly(person.id());
    assertThat(payment.values("amount")).containsExactly("1500.5");
  }

  @Test
  void keepsThePrecisionOfPartialAndLocalDates() {
    RowMapper m = mapper(PERSONS);
    assertThat(m.map(row("id", "1", "nascita", "03/1987")).entities().get(0).values("birthDate")).containsExactly("1987-03");
    assertThat(m.map(row("id", "1", "nascita", "1987年3月17日")).entities().get(0).values("birthDate")).containsExactly("1987-03-17");
    assertThat(m.map(row("id", "1", "nascita", "1987-03-17")).entities().get(0).values("birthDate")).containsExactly("1987-03-17");
  }

  @Test
  void readsTwoDigitBirthYearsInThePastAndRejectsBirthDatesInTheFuture() {
    RowMapper m = mapper(PERSONS.replace("\"dd/MM/yyyy\", ", "\"dd/MM/yy\", \"dd/MM/yyyy\", "));
    assertThat(m.map(row("id", "1", "nascita", "17/03/87")).entities().get(0).values("birthDate")).containsExactly("1987-03-17");
    String nextYear = String.valueOf(java.time.LocalDate.now().getYear() + 1);
    var r = m.map(row("id", "1", "nascita", "01/01/" + nextYear));
    assertThat(r.entities()).isEmpty();
    assertThat(r.rejects()).extracting(Reject::column, Reject::reason).containsExactly(org.assertj.core.groups.Tuple.tuple("nascita",
        "birthDate: '01/01/" + nextYear + "' is a birth date in the future (" + nextYear + "-01-01)"));
    assertThat(m.map(row("id", "1", "nascita", nextYear)).rejects()).hasSize(1); // an ISO year, too
  }

  @Test
  void rejectsTheWholeRowWithEveryBadValue() {
    var r = mapper(PERSONS).map(row("id", "1", "nascita", "30/02/1987", "importo", "tanti", "ruolo", "sospetto"));
    assertThat(r.entities()).isEmpty();
    assertThat(r.rejects()).extracting(Reject::column, Reject::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ruolo", "'sospetto' is not one of suspect, victim, witness, contact, informant, other"));
    r = mapper(PERSONS).map(row("id", "1", "nascita", "30/02/1987", "importo", "tanti"));
    assertThat(r.rejects()).extracting(Reject::column, Reject::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("nascita", "birthDate: '30/02/1987' matches none of the date formats dd/MM/yyyy, MM/yyyy, yyyy年M月d日"),
        org.assertj.core.groups.Tuple.tuple("importo", "amount: not a number: 'tanti'"));
    assertThat(r.rejects().get(0)).satisfies(x -> {
      assertThat(x.file()).isEqualTo("persone.csv");
      assertThat(x.line()).isEqualTo(7);
      assertThat(x.row()).isEqualTo("1|30/02/1987|tanti");
      assertThat(x.kind()).isEqualTo("nascita: birthDate: '…' matches none of the date formats dd/MM/yyyy, MM/yyyy, yyyy年M月d日");
    });
  }

  @Test
  void makesAnEntityOnlyWhenItsKeysAndRequiredColumnsHaveValues() {
    var r = mapper(PERSONS).map(row("id", "", "nome", "Mario", "importo", ""));
    assertThat(r.entities()).isEmpty();
    r = mapper(PERSONS).map(row("id", "5", "importo", " "));
    assertThat(r.entities()).extracting(e -> e.schema().name()).containsExactly("Person");
  }

  @Test
  void sameKeysGiveTheSameIdsAndStatementIds() {
    var a = mapper(PERSONS).map(row("id", "9", "nome", "Ada")).entities().get(0);
    var b = mapper(PERSONS).map(row("id", "9", "nome", "Ada")).entities().get(0);
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(a.statements()).extracting(Statement::id).isEqualTo(b.statements().stream().map(Statement::id).toList());
    assertThat(RowMapper.entityId("IT", "IT-2", "person", List.of("9"))).isNotEqualTo(a.id());
  }
}
