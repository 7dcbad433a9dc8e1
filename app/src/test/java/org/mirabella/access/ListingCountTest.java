package org.mirabella.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Model;
import org.mirabella.model.Schema;

/** The listing's count (the set form of the read policy) agrees with the row form and with the policy itself. */
class ListingCountTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void countsAgreeWithTheRowFormAndThePolicy() {
    AccessControl access = AccessControl.of(s.db);
    List<String> all = s.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM entity").mapTo(String.class).list());
    long shownSomewhere = 0;
    for (String agency : List.of("IT", "DE", "UK", "FR", "LY", "CA")) {
      for (Role role : List.of(Role.ANALYST, Role.VICTIM_PROTECTION, Role.ADMIN)) {
        Viewer v = Viewer.of("x", agency, role);
        for (Schema schema : java.util.Arrays.asList(null, Model.get().require("Person"), Model.get().require("Vessel"))) {
          var f = access.filter(v);
          String where = f.entities("e") + (schema == null ? "" : " AND e.schema_name IN (<schemata>)");
          List<String> names = schema == null ? List.of() : Model.get().schemata().stream().filter(x -> x.isA(schema.name())).map(Schema::name).toList();
          long rows = s.db.jdbi().withHandle(h -> {
            var q = f.bind(h.createQuery("SELECT COUNT(*) FROM entity e WHERE " + where));
            if (schema != null) q.bindList("schemata", names);
            return q.mapTo(Long.class).one();
          });
          long policy = access.findAll(v, all).values().stream().filter(e -> schema == null || e.schema().isA(schema.name())).count();
          AccessControl.Page page = access.list(v, schema, null, 500, 0);
          assertThat(page.total()).as(v + " " + schema).isEqualTo(rows).isEqualTo(policy);
          assertThat(page.results()).hasSize((int) policy);
          shownSomewhere += policy;
        }
        assertThat(access.list(v, null, "IT-SCO-2024-117", 500, 0).total()).as(v + " one case")
            .isEqualTo(access.findAll(v, all).values().stream().filter(e -> e.caseRef().equals("IT-SCO-2024-117")).count());
      }
    }
    assertThat(shownSomewhere).as("the fixture shows something").isPositive();
  }
}
