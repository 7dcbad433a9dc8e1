package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/** Imports into a real (in-memory H2) store. */
class ImportServiceTest {
  @TempDir Path dir;
  Database db;
  EntityStore store;
  List<Reject> rejects = new ArrayList<>();

  @BeforeEach
  void open() {
    db = TestDatabases.h2();
    store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
  }

  @AfterEach
  void close() {
    db.close();
  }

  ImportResult run(Path file, Path mapping, boolean accept) {
    return run(List.of(file), mapping, accept, "IT", "IT-SCO-1");
  }

  ImportResult run(List<Path> files, Path mapping, boolean accept, String agency, String caseRef) {
    Mapping m = mapping == null ? Mapping.ftm("ftm") : MappingLoader.load(mapping, Model.get());
    ImportSettings s = new ImportSettings(agency, caseRef, HandlingCode.H0, null, Grading.UNASSESSED, "tester", null);
    return new ImportService(store, Model.get()).run(files.stream().map(InputFile::of).toList(), m, s, accept, rejects::add,
        Ingestor.Progress.NONE);
  }

  Entity person(String key) {
    return store.find(RowMapper.entityId("IT", "IT-SCO-1", "person", List.of(key))).orElseThrow();
  }

  @Test
  void importsACsvExportWithItsMapping() {
    ImportResult r = run(ImportFixtures.copy("it-persone.csv", dir), ImportFixtures.copy("it-persone.yaml", dir), false);
    assertThat(r.committed()).isTrue();
    assertThat(r.read().rowsRead()).isEqualTo(3);
    assertThat(r.read().rowsRejected()).isZero();
    assertThat(r.entitiesAdded()).isEqualTo(4);
    assertThat(r.statementsAdded()).isEqualTo(23);
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 0));
    Entity rossi = person("1");
    assertThat(rossi.properties()).containsEntry("name", List.of("Niccolò Rossi"))
        .containsEntry("birthDate", List.of("1987-03-17")).containsEntry("nationality", List.of("it"))
        .containsEntry("phone", List.of("+393331234567"));
    assertThat(rossi.category()).isEqualTo(SubjectCategory.SUSPECT);
    Statement birth = rossi.statements().stream().filter(s -> s.property().equals("birthDate")).findFirst().orElseThrow();
    assertThat(birth.originalValue()).isEqualTo("17/03/1987");
    assertThat(birth.provenance().handling()).isEqualTo(HandlingCode.H2);
    assertThat(birth.provenance().grading().toString()).isEqualTo("B2");
    assertThat(birth.provenance().source()).isEqualTo("it-persone.yaml:it-persone.csv");
    assertThat(birth.provenance().recordedBy()).isEqualTo("tester");
    assertThat(person("2").values("birthDate")).containsExactly("1990-03");
    assertThat(person("3").values("phone")).containsExactlyInAnyOrder("+4917623423980", "+49301234567");
    assertThat(count("SELECT rows_read FROM import_run")).isEqualTo(3);
  }

  @Test
  void reImportAddsNothing() {
    Path csv = ImportFixtures.copy("it-persone.csv", dir);
    Path yaml = ImportFixtures.copy("it-persone.yaml", dir);
    run(csv, yaml, false);
    ImportResult again = run(csv, yaml, false);
    assertThat(again.entitiesAdded()).isZero();
    assertThat(again.statementsAdded()).isZero();
    assertThat(again.statementsUnchanged()).isEqualTo(23);
    assertThat(again.statementsRetracted()).isZero();
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 0));
  }

  @Test
  void aChangedValueRetractsTheOldStatementAndAddsTheNew() throws Exception {
    Path csv = ImportFixtures.copy("it-persone.csv", dir);
    Path yaml = ImportFixtures.copy("it-persone.yaml", dir);
    run(csv, yaml, false);
    Charset cp = Charset.forName("windows-1252");
    Files.writeString(csv, Files.readString(csv, cp).replace("17/03/1987", "18/03/1987"), cp);
    ImportResult r = run(csv, yaml, false);
    assertThat(r.statementsAdded()).isEqualTo(1);
    assertThat(r.statementsRetracted()).isEqualTo(1);
    assertThat(r.statementsUnchanged()).isEqualTo(22);
    Entity rossi = person("1");
    assertThat(rossi.values("birthDate")).containsExactly("1987-03-18");
    Statement old = rossi.statements().stream().filter(s -> s.value().equals("1987-03-17")).findFirst().orElseThrow();
    assertThat(old.retracted()).isTrue();
    assertThat(old.retraction().by()).isEqualTo("tester");
    assertThat(old.retraction().reason()).startsWith("no longer stated by import " + r.run() + " of it-persone.csv");
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 1));

    // Back to the first value: a new statement, the tombstone kept as it was.
    Files.writeString(csv, Files.readString(csv, cp).replace("18/03/1987", "17/03/1987"), cp);
    ImportResult back = run(csv, yaml, false);
    assertThat(back.statementsAdded()).isEqualTo(1);
    assertThat(back.statementsRetracted()).isEqualTo(1);
    assertThat(person("1").values("birthDate")).containsExactly("1987-03-17");
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 2));
    ImportResult same = run(csv, yaml, false);
    assertThat(same.statementsAdded() + same.statementsRetracted()).isZero();
  }

  @Test
  void rejectedRowsWriteNothingUnlessAccepted() {
    Path csv = ImportFixtures.copy("it-persone-bad.csv", dir);
    Path yaml = ImportFixtures.copy("it-persone.yaml", dir);
    ImportResult r = run(csv, yaml, false);
    assertThat(r.committed()).isFalse();
    assertThat(r.read().rowsRead()).isEqualTo(5);
    assertThat(r.read().rowsRejected()).isEqualTo(2);
    assertThat(r.read().rejectedByReason()).isEqualTo(Map.of(
        "data_nascita: birthDate: '…' matches none of the date formats dd/MM/yyyy, MM/yyyy, yyyy", 1L,
        "ruolo: '…' is not one of suspect, victim, witness, contact, informant, other", 1L));
    assertThat(rejects).extracting(Reject::line, Reject::column, Reject::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5L, "data_nascita", "birthDate: '31/02/1980' matches none of the date formats dd/MM/yyyy, MM/yyyy, yyyy"),
        org.assertj.core.groups.Tuple.tuple(5L, "importo", "amount: not a number: 'tanti'"),
        org.assertj.core.groups.Tuple.tuple(6L, "ruolo", "'sconosciuto' is not one of suspect, victim, witness, contact, informant, other"));
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(0, 0, 0));

    ImportResult accepted = run(csv, yaml, true);
    assertThat(accepted.committed()).isTrue();
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(4, 23, 0));
  }

  @Test
  void aFailureMidFileLeavesTheStoreUnchanged() throws Exception {
    Path yaml = ImportFixtures.copy("it-persone.yaml", dir);
    run(ImportFixtures.copy("it-persone.csv", dir), yaml, false);
    var before = store.counts();
    StringBuilder sb = new StringBuilder("id_soggetto;nome;cognome;data_nascita;nazionalita;telefono;ruolo;valutazione;importo;data_pagamento\n");
    for (int i = 100; i < 3_100; i++) sb.append(i).append(";Nome").append(i).append(";Cognome;01/01/1980;it;;indagato;B2;10;01/01/2024\n");
    sb.append("99999;\"Tronc"); // cut in the middle of a quoted field
    Path big = dir.resolve("big.csv");
    Files.writeString(big, sb, Charset.forName("windows-1252"));
    assertThatThrownBy(() -> run(big, yaml, true)).isInstanceOf(InvalidData.class)
        .hasMessage("Malformed file: big.csv line 3002: a quoted field is not closed at the end of the file: "
            + "the file is truncated (or its quote is not \")");
    assertThat(store.counts()).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM import_run")).isEqualTo(1);
  }

  @Test
  void aMappingNamingAMissingColumnFailsBeforeWriting() throws Exception {
    Path yaml = ImportFixtures.copy("it-persone.yaml", dir);
    Path csv = dir.resolve("other.csv");
    Files.writeString(csv, "id_soggetto;nome\n1;Mario\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> run(csv, yaml, true)).isInstanceOf(InvalidData.class)
        .hasMessage("Bad mapping: it-persone.yaml: provenance.category.column: no column 'ruolo' in other.csv (columns: id_soggetto, nome)");
    assertThat(store.counts()).isEqualTo(new EntityStore.Counts(0, 0, 0));
  }

  @Test
  void importsJsonLinesAndXlsx() throws Exception {
    Path jsonl = dir.resolve("p.jsonl");
    Files.writeString(jsonl, """
        {"id": "7", "persona": {"nome": "Mario Rossi", "nascita": "1987-03-17"}, "telefoni": ["+39 333 123 4567", "+39 06 1234 5678"]}
        {"id": "8", "persona": {"nome": "Ada"}}
        """, StandardCharsets.UTF_8);
    Path jm = dir.resolve("p-jsonl.yaml");
    Files.writeString(jm, """
        source: {format: jsonl}
        entities:
          person:
            schema: Person
            keys: [id]
            properties:
              name: {column: persona.nome}
              birthDate: {column: persona.nascita}
              phone: {column: telefoni}
        """);
    ImportResult r = run(jsonl, jm, false);
    assertThat(r.entitiesAdded()).isEqualTo(2);
    assertThat(r.statementsAdded()).isEqualTo(5);

    Path xlsx = Workbooks.persons(dir.resolve("p.xlsx"));
    Path xm = dir.resolve("p-xlsx.yaml");
    Files.writeString(xm, """
        source: {format: xlsx, sheet: Persone}
        entities:
          person:
            schema: Person
            keys: [id]
            properties:
              name: {column: nome}
              birthDate: {column: nascita}
              phone: {template: "+{telefono}"}
        """);
    ImportResult x = run(xlsx, xm, false);
    assertThat(rejects).isEmpty();
    assertThat(x.read().rowsRead()).isEqualTo(2);
    assertThat(x.entitiesAdded()).isEqualTo(2);
    Entity niccolo = store.find(RowMapper.entityId("IT", "IT-SCO-1", "person", List.of("17"))).orElseThrow();
    assertThat(niccolo.properties()).containsEntry("birthDate", List.of("1987-03-17")).containsEntry("phone", List.of("+393331234567"));
  }

  @Test
  void jsonLinesMissingAColumnEverywhereFails() throws Exception {
    Path jsonl = dir.resolve("p.jsonl");
    Files.writeString(jsonl, "{\"id\": 1, \"nome\": \"A\"}\n", StandardCharsets.UTF_8);
    Path jm = dir.resolve("m.yaml");
    Files.writeString(jm, "source: {format: jsonl}\nentities: {p: {schema: Person, keys: [id], properties: {name: {column: name}}}}\n");
    assertThatThrownBy(() -> run(jsonl, jm, true))
        .hasMessage("Bad mapping: m.yaml: entities.p.properties.name.column: no column 'name' in p.jsonl (no line has it)");
  }

  @Test
  void ftmExportReImportsToTheSameEntitiesAndStatements() throws Exception {
    run(ImportFixtures.copy("it-persone.csv", dir), ImportFixtures.copy("it-persone.yaml", dir), false);
    Path out = dir.resolve("export.ftm.json");
    StringWriter w = new StringWriter();
    assertThat(FtmExport.write(store, "IT", "IT-SCO-1", w)).isEqualTo(4);
    Files.writeString(out, w.toString());
    Map<String, Entity> original = all();

    // Into the same store: nothing new.
    ImportResult same = run(List.of(out), null, false, "IT", "IT-SCO-1");
    assertThat(same.statementsAdded()).isZero();
    assertThat(same.statementsUnchanged()).isEqualTo(23);

    // Into a fresh store: the same entities, statements and provenance.
    db.close();
    open();
    ImportResult fresh = run(List.of(out), null, false, "IT", "IT-SCO-1");
    assertThat(fresh.entitiesAdded()).isEqualTo(4);
    assertThat(fresh.statementsAdded()).isEqualTo(23);
    Map<String, Entity> copy = all();
    assertThat(copy.keySet()).isEqualTo(original.keySet());
    for (String id : original.keySet()) {
      Entity a = original.get(id);
      Entity b = copy.get(id);
      assertThat(b.schema()).isEqualTo(a.schema());
      assertThat(b.category()).isEqualTo(a.category());
      assertThat(b.reviewDate()).isEqualTo(a.reviewDate());
      assertThat(sorted(b.statements())).isEqualTo(sorted(a.statements()));
    }
  }

  long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  static List<Statement> sorted(List<Statement> s) {
    return s.stream().sorted(java.util.Comparator.comparing(Statement::id)).toList();
  }

  Map<String, Entity> all() {
    List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity").mapTo(String.class).list());
    return new TreeMap<>(store.findAll(ids));
  }

  @Test
  void importsTheFtmFixtureExpertsWithAnFtmStyleMapping() throws Exception {
    Path experts = SharedData.require("ftm-schema/fixtures/experts.csv");
    Path yaml = ImportFixtures.copy("experts.yaml", dir);
    ImportResult r = run(List.of(experts), yaml, false, "EMSC", "EMSC-EXPERTS");
    long lines = Files.readAllLines(experts).stream().filter(l -> l.matches("^\\d+,.*")).count();
    assertThat(r.read().rowsRejected()).isZero();
    assertThat(r.read().rowsRead()).isEqualTo(lines);
    Entity klaus = store.find(RowMapper.entityId("EMSC", "EMSC-EXPERTS", "member", List.of("1"))).orElseThrow();
    assertThat(klaus.properties()).containsEntry("name", List.of("Klaus Trutzel")).containsEntry("nationality", List.of("de"))
        .containsEntry("gender", List.of("male"));
    String group = RowMapper.entityId("EMSC", "EMSC-EXPERTS", "group", List.of("E00021"));
    assertThat(store.find(group).orElseThrow().values("name")).containsExactly("Urban Audit");

    // The export of this import reads back into a fresh store as the same entities.
    StringWriter w = new StringWriter();
    long n = FtmExport.write(store, "EMSC", null, w);
    Path out = dir.resolve("experts.ftm.json");
    Files.writeString(out, w.toString());
    Map<String, Entity> original = all();
    db.close();
    open();
    ImportResult back = run(List.of(out), null, false, "EMSC", "EMSC-EXPERTS");
    assertThat(back.entitiesAdded()).isEqualTo(n);
    Map<String, Entity> copy = all();
    assertThat(copy.keySet()).isEqualTo(original.keySet());
    for (String id : original.keySet()) assertThat(sorted(copy.get(id).statements())).isEqualTo(sorted(original.get(id).statements()));
  }

  @Test
  void importsPlainFtmEntitiesAsAlephWritesThem() throws Exception {
    Path f = dir.resolve("aleph.json");
    Files.writeString(f, """
        {"id": "a1b2c3", "schema": "Person", "properties": {"name": ["Mario Rossi"], "nationality": ["it"], "phone": ["06 1234 5678"]}}
        {"id": "d4e5f6", "schema": "Company", "properties": {"name": ["ACME Srl"], "jurisdiction": ["Italy"]}}
        {"id": "bad1", "schema": "Starship", "properties": {"name": ["Enterprise"]}}
        {"id": "bad2", "schema": "Person", "properties": {"warpFactor": ["9"]}}
        """);
    ImportResult r = run(List.of(f), null, true, "IT", "IT-ALEPH");
    assertThat(r.entitiesAdded()).isEqualTo(2);
    assertThat(rejects).extracting(Reject::line, Reject::column, Reject::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, "schema", "unknown schema 'Starship'"),
        org.assertj.core.groups.Tuple.tuple(4L, "warpFactor", "no property 'warpFactor' in Person"));
    Entity p = store.find("a1b2c3").orElseThrow();
    assertThat(p.values("phone")).containsExactly("+390612345678");
    assertThat(p.statements().get(0).provenance().source()).isEqualTo("ftm:aleph.json");
    assertThat(store.find("d4e5f6").orElseThrow().values("jurisdiction")).containsExactly("it");
  }

  /** Samples (first 40 rows) of the scenario generator's agency files, with the mappings it writes beside them. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"IT, it-sco-persons.csv", "DE, de-bka-payments.csv", "US, us-hsi-persons.jsonl"})
  void importsTheScenarioGeneratorsFilesWithTheirMappings(String agency, String file) {
    Path data = ImportFixtures.copy("generator/" + file, dir);
    Path mapping = ImportFixtures.copy("generator/" + file.replaceAll("\\.(csv|jsonl)$", ".mapping.yaml"), dir);
    ImportResult r = run(List.of(data), mapping, false, agency, "SCENARIO-1");
    assertThat(rejects).isEmpty();
    assertThat(r.committed()).isTrue();
    assertThat(r.read().rowsRead()).isEqualTo(40);
    assertThat(r.statementsAdded()).isPositive();
    assertThat(run(List.of(data), mapping, false, agency, "SCENARIO-1").statementsAdded()).isZero();
  }
}
