package org.mirabella.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;

/**
 * Reads files with a mapping and hands the entities to a sink in batches, the rejects to a
 * consumer. Streaming in constant memory: one reader thread parses and maps rows into batches of
 * about {@value #BATCH_STATEMENTS} statements, at most {@value #QUEUE} batches ahead of the
 * calling thread, which writes them (so the store's transaction stays on the caller's thread, and
 * parsing and writing use both cores). A bad file or mapping raises {@link InvalidData}, from the
 * calling thread; the caller's transaction then leaves the store unchanged.
 */
public final class Ingestor {
  static final int BATCH_STATEMENTS = 5_000;
  static final int QUEUE = 4;

  /** Where mapped entities go: the store's writer in one transaction. A port owned by the core. */
  public interface EntitySink {
    void write(List<Entity> batch);
  }

  /** Progress of the current file: units done of total (bytes of the file, or of the XLSX sheet's XML; total -1 if unknown). */
  public interface Progress {
    void update(String file, long rowsRead, long done, long total);

    Progress NONE = (f, r, d, t) -> {};
  }

  private final Model model;
  private final Mapping mapping;
  private final ImportSettings settings;

  public Ingestor(Model model, Mapping mapping, ImportSettings settings) {
    this.model = model;
    this.mapping = mapping;
    this.settings = settings;
  }

  /** The statements' source for a file: mapping name and file name, e.g. {@code it-persone.yaml:persone.csv}. */
  public static String source(Mapping mapping, InputFile file) {
    return mapping.name() + ":" + file.name();
  }

  private sealed interface Item {}

  private record Batch(String file, List<Entity> entities, long statements, List<List<Reject>> rejects, long rows,
      long done, long total) implements Item {}

  private record End() implements Item {}

  private record Failure(RuntimeException error) implements Item {}

  public ImportSummary run(List<InputFile> files, EntitySink sink, Consumer<Reject> rejects, Progress progress) {
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    Thread reader = Thread.ofPlatform().daemon().name("mirabella-import-reader").start(() -> {
      try {
        for (InputFile f : files) read(f, queue);
        queue.put(new End());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        try {
          queue.put(new Failure(e));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    });
    ImportSummary summary = new ImportSummary();
    for (InputFile f : files) summary.fileStarted(f.name());
    try {
      while (true) {
        Item item = queue.take();
        if (item instanceof End) break;
        if (item instanceof Failure fail) throw fail.error();
        Batch b = (Batch) item;
        if (!b.entities().isEmpty()) sink.write(b.entities());
        for (List<Reject> row : b.rejects()) {
          summary.rejected(row.get(0));
          row.forEach(rejects);
        }
        for (long i = 0; i < b.rows(); i++) summary.row(b.file());
        summary.mapped(b.entities().size(), b.statements());
        progress.update(b.file(), summary.rowsRead(), b.done(), b.total());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } finally {
      reader.interrupt();
    }
    return summary;
  }

  private void read(InputFile f, BlockingQueue<Item> queue) throws InterruptedException {
    String source = source(mapping, f);
    SourceSpec spec = mapping.source();
    Collector c = new Collector(f.name(), queue);
    switch (spec.format()) {
      case FTM -> {
        FtmMapper mapper = new FtmMapper(model, settings, f.name(), source);
        try (JsonLinesSource in = new JsonLinesSource(f.path(), f.name(), spec, mapping.name())) {
          JsonNode node;
          while ((node = in.nextNode()) != null) c.add(mapper.map(node, in.line(), in.lastText()), in);
          c.flush(in);
        }
      }
      case JSONL -> {
        RowMapper mapper = new RowMapper(mapping, settings, f.name(), source);
        Map<String, String> wanted = new LinkedHashMap<>(mapping.columnPaths());
        try (JsonLinesSource in = new JsonLinesSource(f.path(), f.name(), spec, mapping.name())) {
          Row row;
          while ((row = in.next()) != null) {
            if (!wanted.isEmpty()) wanted.keySet().removeIf(((JsonLinesSource.JsonRow) row)::has);
            c.add(mapper.map(row), in);
          }
          if (!wanted.isEmpty() && c.rows > 0) {
            var first = wanted.entrySet().iterator().next();
            throw new InvalidData("Bad mapping", Map.of(mapping.name() + ": " + first.getValue(),
                "no column '" + first.getKey() + "' in " + f.name() + " (no line has it)"));
          }
          c.flush(in);
        }
      }
      case CSV, XLSX -> {
        RowMapper mapper = new RowMapper(mapping, settings, f.name(), source);
        try (RowSource in = spec.format() == SourceSpec.Format.CSV
            ? new CsvSource(f.path(), f.name(), spec, mapping.name())
            : new XlsxSource(f.path(), f.name(), spec, mapping.name())) {
          mapping.requireColumns(in.columns(), f.name());
          Row row;
          while ((row = in.next()) != null) c.add(mapper.map(row), in);
          c.flush(in);
        }
      }
    }
  }

  /** Gathers mapped rows into batches for the writing thread. */
  private static final class Collector {
    private final String file;
    private final BlockingQueue<Item> queue;
    private List<Entity> entities = new ArrayList<>();
    private List<List<Reject>> rejects = new ArrayList<>();
    private long statements;
    private long batchRows;
    long rows;

    Collector(String file, BlockingQueue<Item> queue) {
      this.file = file;
      this.queue = queue;
    }

    void add(RowMapper.Result r, RowSource in) throws InterruptedException {
      rows++;
      batchRows++;
      if (!r.rejects().isEmpty()) rejects.add(r.rejects());
      for (Entity e : r.entities()) {
        entities.add(e);
        statements += e.statements().size();
      }
      if (statements >= BATCH_STATEMENTS || batchRows >= BATCH_STATEMENTS) flush(in);
    }

    void flush(RowSource in) throws InterruptedException {
      queue.put(new Batch(file, entities, statements, rejects, batchRows, in.done(), in.total()));
      entities = new ArrayList<>();
      rejects = new ArrayList<>();
      statements = 0;
      batchRows = 0;
    }
  }
}
