package org.mirabella.report;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mirabella.actions.DemoStore;
import org.mirabella.actions.Viewer;

class TmpViewTest {
  @Test
  void write() {
    try (var db = DemoStore.withDemo()) {
      ReportFiles.write(ReportCommand.builder(db).build(Period.parse("2025-Q3"), Viewer.COORDINATION).published(Suppression.DEFAULT), Path.of("/tmp/rep"));
    }
  }
}
