package org.mirabella.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mirabella.actions.Viewer;
import org.mirabella.actions.VisibleEntities;
import org.mirabella.agency.Agencies;
import org.mirabella.model.Model;
import org.mirabella.report.Period;
import org.mirabella.scenario.Scale;
import org.mirabella.scenario.cli.ScenarioDemo;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;
import org.mirabella.store.TestDatabases;

/**
 * What the route view and the map cost per request on the synthetic case file at demo scale: reading
 * the viewer's route records through the access rules, building the map's points and flows, the
 * period's route network, and the JSON. Prints thread CPU time beside wall time (the machine is
 * shared) and the load average; asserts nothing about time. Runs only with {@code MIRABELLA_BENCHMARK=1}.
 */
class RouteViewBenchmarkTest {
  @Test
  void routeViewAndMapPerRequest() throws Exception {
    Assumptions.assumeTrue("1".equals(System.getenv("MIRABELLA_BENCHMARK")), "benchmark: run with MIRABELLA_BENCHMARK=1");
    Database db = TestDatabases.h2();
    EntityStore store = new EntityStore(db, Model.get());
    store.ensureAgencies(Agencies.get());
    ScenarioDemo.load(db, store, Scale.parse("demo"), new PrintWriter(new StringWriter()), false);
    RouteSource source = new RouteSource(new VisibleEntities(db, Model.get()));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    StringBuilder out = new StringBuilder("| viewer | events | points | flows | read (CPU / wall ms) | map view | route network 2024-Q1 | JSON | load avg |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Viewer v : new Viewer[] {new Viewer("IT", Set.of("analyst")), new Viewer("LY", Set.of("analyst")), Viewer.COORDINATION}) {
      for (int round = 0; round < 6; round++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        RouteNetwork n = source.network(v);
        long c1 = mx.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        MapView.Result r = MapView.of(n.events(), MapView.Filter.any(), 2000);
        long c2 = mx.getCurrentThreadCpuTime();
        long w2 = System.nanoTime();
        Period p = Period.parse("2024-Q1");
        int size = n.flows(p).size() + n.hotspots(p).size() + n.trends(p).size() + n.quarterly().size();
        long c3 = mx.getCurrentThreadCpuTime();
        long w3 = System.nanoTime();
        String body = json.writeValueAsString(r);
        long c4 = mx.getCurrentThreadCpuTime();
        long w4 = System.nanoTime();
        assertThat(body).isNotEmpty();
        assertThat(size).isNotNegative();
        if (round < 3) continue; // the first rounds warm the JIT up
        out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f |%n",
            v.agency().equals("*") ? "coordination (all)" : v.agency(), n.events().size(), r.events().size(), r.legs().size(),
            (c1 - c0) / 1e6, (w1 - w0) / 1e6, (c2 - c1) / 1e6, (w2 - w1) / 1e6, (c3 - c2) / 1e6, (w3 - w2) / 1e6,
            (c4 - c3) / 1e6, (w4 - w3) / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
      }
    }
    System.out.println(out);
    db.close();
  }
}
