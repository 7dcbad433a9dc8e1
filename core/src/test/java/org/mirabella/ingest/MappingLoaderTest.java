package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;

class MappingLoaderTest {
  static Mapping load(String yaml) {
    return MappingLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yaml", Model.get());
  }

  static String message(String yaml) {
    try {
      load(yaml);
    } catch (InvalidData e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for\n" + yaml);
  }

  @Test
  void readsTheDocumentedExample() {
    Mapping m = load("""
        source: {format: csv, delimiter: ";", encoding: windows-1252, dateFormats: ["dd/MM/yyyy", "yyyy"], decimalComma: true}
        provenance:
          category: {column: ruolo, map: {indagato: suspect, vittima: victim}}
          handling: H2
          grade: {column: valutazione}
        entities:
          person:
            schema: Person
            keys: [id_soggetto]
            properties:
              name: {template: "{nome} {cognome}"}
              phone: {columns: [telefono, cellulare], split: "/"}
              birthDate: {column: data_nascita, format: "dd/MM/yyyy"}
              nationality: {column: nazionalita}
          payment:
            schema: Payment
            keys: [id_soggetto, importo]
            required: [importo]
            properties:
              payer: {entity: person}
              amount: {column: importo}
              currency: {literal: EUR}
        """);
    assertThat(m.source().delimiter()).isEqualTo(';');
    assertThat(m.source().decimalComma()).isTrue();
    assertThat(m.entities()).containsOnlyKeys("person", "payment");
    // Countries come first: they are the hint for phone numbers.
    assertThat(m.entities().get("person").properties().get(0).property()).isEqualTo("nationality");
    assertThat(m.columnPaths()).containsOnlyKeys("ruolo", "valutazione", "id_soggetto", "nome", "cognome", "telefono",
        "cellulare", "data_nascita", "nazionalita", "importo");
  }

  @Test
  void rejectsAnUnknownKey() {
    assertThat(message("""
        entities:
          person:
            schema: Person
            keys: [id]
            propertes: {name: {column: n}}
        """)).isEqualTo("Bad mapping: m.yaml: entities.person.propertes: unknown key 'propertes' "
            + "(allowed: category, keys, properties, required, schema)");
    assertThat(message("source: {format: csv, delimeter: ';'}\nentities: {p: {schema: Person, keys: [id]}}"))
        .isEqualTo("Bad mapping: m.yaml: source.delimeter: unknown key 'delimeter' "
            + "(allowed: dateFormats, decimalComma, delimiter, encoding, format, quote, sheet, skipRows)");
  }

  @Test
  void rejectsAKeyGivenTwiceInsteadOfKeepingTheLastSilently() {
    assertThat(message("""
        entities:
          person:
            schema: Person
            keys: [id]
            properties: {name: {column: nome},
              name: {column: cognome}}
        """)).isEqualTo("Bad mapping: m.yaml line 6: key 'name' is given twice");
    assertThat(message("source:\n  sheet: Persone\n  format: xlsx\n  sheet: Foglio1\nentities: {p: {schema: Person, keys: [id]}}\n"))
        .isEqualTo("Bad mapping: m.yaml line 4: key 'sheet' is given twice");
  }

  @Test
  void rejectsAnUnknownSchemaOrProperty() {
    assertThat(message("entities: {p: {schema: Persn, keys: [id]}}"))
        .isEqualTo("Bad mapping: m.yaml: entities.p.schema: unknown schema 'Persn'");
    assertThat(message("entities: {p: {schema: Person, keys: [id], properties: {nmae: {column: n}}}}"))
        .isEqualTo("Bad mapping: m.yaml: entities.p.properties.nmae: no property 'nmae' in Person");
    assertThat(message("entities: {p: {schema: Thing, keys: [id]}}")).contains("is abstract");
  }

  @Test
  void rejectsBadReferencesFormatsAndShapes() {
    assertThat(message("entities: {p: {schema: Payment, keys: [id], properties: {payer: {entity: person}}}}"))
        .isEqualTo("Bad mapping: m.yaml: entities.p.properties.payer.entity: no entity 'person' in this mapping (entities: p)");
    assertThat(message("entities: {p: {schema: Person, keys: [id], properties: {birthDate: {column: d, format: \"dd/MM/bb\"}}}}"))
        .startsWith("Bad mapping: m.yaml: entities.p.properties.birthDate.format: not a date pattern 'dd/MM/bb': Unknown pattern letter: b");
    assertThat(message("entities: {p: {schema: Person, keys: [id], properties: {name: {column: a, literal: b}}}}"))
        .isEqualTo("Bad mapping: m.yaml: entities.p.properties.name: give exactly one of column, columns, literal, literals, template, entity");
    assertThat(message("source: {format: parquet}\nentities: {p: {schema: Person, keys: [id]}}"))
        .isEqualTo("Bad mapping: m.yaml: source.format: unknown format 'parquet' (use csv, jsonl, xlsx or ftm)");
    assertThat(message("entities: {p: {schema: Person}}")).isEqualTo(
        "Bad mapping: m.yaml: entities.p.keys: required: the columns whose values identify the entity");
    assertThat(message("source: {encoding: klingon}\nentities: {p: {schema: Person, keys: [id]}}"))
        .isEqualTo("Bad mapping: m.yaml: source.encoding: unknown encoding 'klingon' (use utf-8, windows-1252, iso-8859-1 or auto)");
  }

  @Test
  void namesAColumnTheFileDoesNotHave() {
    Mapping m = load("entities: {p: {schema: Person, keys: [id], properties: {name: {column: nome}}}}");
    assertThatThrownBy(() -> m.requireColumns(List.of("id", "name"), "persone.csv"))
        .isInstanceOf(InvalidData.class)
        .hasMessage("Bad mapping: m.yaml: entities.p.properties.name.column: no column 'nome' in persone.csv (columns: id, name)");
  }
}
