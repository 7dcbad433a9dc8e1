package org.mirabella.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirabella.agency.Agencies;
import org.mirabella.http.NotFound;
import org.mirabella.model.NotPermitted;
import org.mirabella.model.Model;
import org.mirabella.report.Period;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/** Operations, tasks, log and outcomes on H2 and PostgreSQL. */
class OperationStoreTest {
  @ParameterizedTest
  @MethodSource("org.mirabella.store.TestDatabases#both")
  void operationsKeepTheirPlanTasksLogAndOutcomes(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      new EntityStore(db, Model.get()).ensureAgencies(Agencies.get());
      OperationStore ops = new OperationStore(db);
      Viewer it = Viewer.of("IT");
      Operation op = ops.save(new Operation("jad-1", "Day one", LocalDate.of(2025, 9, 16), LocalDate.of(2025, 9, 17), "it",
          Set.of("fr", "LY"), List.of("Disrupt", "Safeguard"), List.of("it-sco-0001"), null), "me", it);
      assertThat(op.participants()).containsExactly("IT", "FR", "LY");

      Task t = ops.addTask(new Task(null, "jad-1", "LY", Task.Kind.INTERVIEW, "Interview the pilot", null, null, "me", null), it);
      ops.updateTask("jad-1", t.id(), Task.Status.DONE, "officer.ly", Viewer.of("LY"));
      assertThatThrownBy(() -> ops.updateTask("jad-1", t.id(), Task.Status.FAILED, "x", Viewer.of("FR")))
          .isInstanceOf(NotPermitted.class);
      ops.log("jad-1", "coord", "Centre open", it);
      ops.log("jad-1", "officer", "Boat stopped", Viewer.of("LY"));
      ops.addOutcome(Outcome.person("jad-1", "IT", Outcome.Kind.ARREST, "it-sco-0001", false, "it", LocalDate.of(2025, 9, 16)), it);
      ops.addOutcome(Outcome.asset("jad-1", "LY", null, new BigDecimal("1250.50"), "USD", "ly", null), Viewer.of("LY"));
      assertThatThrownBy(() -> ops.addOutcome(Outcome.counted("jad-1", "LY", Outcome.Kind.ARREST, 2, "ly", null), it))
          .isInstanceOf(NotPermitted.class).hasMessageContaining("its own outcomes");

      OperationStore.Details d = ops.details("jad-1", Viewer.of("FR"));
      assertThat(d.operation().objectives()).containsExactly("Disrupt", "Safeguard");
      assertThat(d.tasks()).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(Task.Status.DONE));
      assertThat(d.log()).extracting(LogEntry::agency).containsExactly("IT", "LY");
      assertThat(d.outcomes()).hasSize(2);
      assertThat(OutcomeTotals.of(d.outcomes()).seized()).containsEntry("USD", new BigDecimal("1250.50"));

      assertThat(ops.list(it, Period.parse("2025-Q3"))).extracting(Operation::id).containsExactly("jad-1");
      assertThat(ops.list(it, Period.parse("2025-Q2"))).isEmpty();
      assertThat(ops.list(Viewer.of("DE"), null)).isEmpty();
      assertThatThrownBy(() -> ops.details("jad-1", Viewer.of("DE"))).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> ops.save(op, "me", Viewer.of("FR"))).isInstanceOf(NotPermitted.class).hasMessageContaining("lead");
    }
  }
}
