package org.mirabella.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.mirabella.ingest.CaseFolder;
import org.mirabella.ingest.ImportSettings;
import org.mirabella.ingest.Ingestor;
import org.mirabella.ingest.InputFile;
import org.mirabella.ingest.Mapping;
import org.mirabella.ingest.MappingLoader;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.Statement;
import org.mirabella.provenance.Provenance;

/**
 * Bulk loading of partner extracts for the hub, without a store: the agency files of a generated
 * (or delivered) case file, listed in its {@code manifest.csv} (file, agency, case, mapping, format,
 * rows), are mapped <em>on the executors</em> by the core's {@link Ingestor} (the reader, the mapping
 * and {@code RowMapper} an import uses: one implementation), one task per file, and written as
 * Parquet in the layout {@link SparkXref#readParquet} reads ({@link SparkXref#STATEMENTS}), with the
 * statements' provenance in further columns ({@link #STATEMENT_ROWS}).
 *
 * <p>The rows are what {@code ImportService} would store importing the files one by one in the
 * manifest's order with the same settings: the same statement ids (a hash of agency, case, entity,
 * property and value) and values; a statement stated by several files is kept once, as its first
 * file stated it, and an entity keeps the schema of its first appearance (the store's
 * {@code entity} row). {@code recorded_at} is the run's time plus the file's position in
 * milliseconds, so the statements of an entity come in the store's order (import time, then id),
 * which the matching keys depend on. {@code seq} numbers the entities in id order.
 *
 * <p>Files are read by path: in local mode any path, on a cluster a path every executor sees (a
 * shared mount). Rows a mapping rejects are counted and left out, as an import with
 * {@code --accept-rejects} does.
 */
public final class SparkIngest {
  /** {@link SparkXref#STATEMENTS}'s columns, then each statement's provenance as the store keeps it. */
  public static final StructType STATEMENT_ROWS = withProvenance(SparkXref.STATEMENTS);

  /** What a task emits per statement: its position (file, entity ordinal) first. */
  private static final StructType MAPPED = new StructType()
      .add("pos", DataTypes.LongType, false).add("id", DataTypes.StringType, false)
      .add("schema_name", DataTypes.StringType, false).add("agency", DataTypes.StringType, false)
      .add("case_ref", DataTypes.StringType, false).add("statement_id", DataTypes.StringType, false)
      .add("property", DataTypes.StringType, false).add("prop_value", DataTypes.StringType, false)
      .add("recorded_at", DataTypes.TimestampType, false).add("original_value", DataTypes.StringType, true)
      .add("handling", DataTypes.StringType, false).add("handling_condition", DataTypes.StringType, true)
      .add("reliability", DataTypes.StringType, false).add("accuracy", DataTypes.ShortType, false)
      .add("source", DataTypes.StringType, false).add("recorded_by", DataTypes.StringType, true);

  /** Bits of {@code pos} for the entity's ordinal within its file (the rest: the file's index). */
  private static final int ORDINAL_BITS = 40;


  /** What a run wrote. */
  public record Summary(int files, long rowsRead, long rowsRejected, long statementsMapped, long statementsWritten) {}

  private final SparkSession spark;

  public SparkIngest(SparkSession spark) {
    this.spark = spark;
  }

  private static StructType withProvenance(StructType base) {
    return base.add("original_value", DataTypes.StringType, true).add("handling", DataTypes.StringType, false)
        .add("handling_condition", DataTypes.StringType, true).add("reliability", DataTypes.StringType, false)
        .add("accuracy", DataTypes.ShortType, false).add("source", DataTypes.StringType, false)
        .add("recorded_by", DataTypes.StringType, true);
  }



  /** One task: a file with its settings. */
  private record Task(int index, String path, String name, String mappingPath, String agency, String caseRef, String recordedBy,
      long recordedAtMillis) implements Serializable {}

  /**
   * Maps the files of {@code dir} on the executors and writes the statements to {@code out} as
   * Parquet ({@link #STATEMENT_ROWS}). {@code recordedBy} and {@code at} are the import's settings.
   */
  public Summary load(Path dir, List<CaseFolder.Part> parts, String recordedBy, Instant at, String out) {
    Dataset<Row> rows = map(dir, parts, recordedBy, at);
    LongAccumulator[] acc = accumulators;
    try {
      rows.write().mode("overwrite").parquet(out);
    } finally {
      mappedRows.unpersist();
    }
    long written = spark.read().parquet(out).count(); // from the files' footers
    return new Summary(parts.size(), acc[0].value(), acc[1].value(), acc[2].value(), written);
  }

  private LongAccumulator[] accumulators;
  private Dataset<Row> mappedRows;

  /**
   * The statement rows ({@link #STATEMENT_ROWS}) of the files, deduplicated as the store would hold
   * them; lazily evaluated. The mapped rows stay cached ({@link #mappedRows}) until {@link #load}
   * has written them.
   */
  private Dataset<Row> map(Path dir, List<CaseFolder.Part> parts, String recordedBy, Instant at) {
    long base = at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      CaseFolder.Part p = parts.get(i);
      Path file = dir.resolve(p.file()).toAbsolutePath();
      tasks.add(new Task(i, file.toString(), file.getFileName().toString(), dir.resolve(p.mapping()).toAbsolutePath().toString(),
          p.agency(), p.caseRef(), recordedBy, base + i));
    }
    LongAccumulator read = spark.sparkContext().longAccumulator("rows read");
    LongAccumulator rejected = spark.sparkContext().longAccumulator("rows rejected");
    LongAccumulator mapped = spark.sparkContext().longAccumulator("statements mapped");
    accumulators = new LongAccumulator[] {read, rejected, mapped};
    // the tasks travel in the closure (Java serialization: Spark's Kryo cannot build records); one partition per file
    List<Integer> indices = java.util.stream.IntStream.range(0, tasks.size()).boxed().toList();
    JavaRDD<Row> statements = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(indices, tasks.size())
        .flatMap(i -> new MappedRows(tasks.get(i), read, rejected, mapped));
    // kept (memory, else local disk): the entities and the statements are both derived from it, and
    // each file must be parsed once
    Dataset<Row> raw = spark.createDataFrame(statements, MAPPED).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    mappedRows = raw;

    // an entity keeps the schema of its first appearance; a statement its first file's provenance
    Dataset<Row> entities = raw.groupBy("id").agg(min_by(col("schema_name"), col("pos")).as("e_schema"));
    Dataset<Row> numbered = spark.createDataFrame(
        entities.sort("id").javaRDD().zipWithIndex().map(t -> RowFactory.create(t._1().getString(0), t._1().getString(1), t._2() + 1)),
        new StructType().add("e_id", DataTypes.StringType, false).add("e_schema", DataTypes.StringType, false)
            .add("seq", DataTypes.LongType, false));
    String[] kept = MAPPED.fieldNames();
    Dataset<Row> firsts = raw.groupBy("statement_id")
        .agg(min_by(struct(java.util.Arrays.stream(kept).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)),
            col("pos")).as("s"))
        .select("s.*");
    return firsts.join(numbered, col("id").equalTo(col("e_id")))
        .select(java.util.Arrays.stream(STATEMENT_ROWS.fieldNames())
            .map(f -> f.equals("schema_name") ? col("e_schema").as("schema_name") : col(f)).toArray(org.apache.spark.sql.Column[]::new));
  }

  /**
   * One file's statements as rows, streamed: the core's {@link Ingestor} runs on a thread of its own
   * and hands its batches over a small queue (it pushes batches to a sink; a Spark task pulls rows),
   * so a task holds a few batches, not the file.
   */
  private static final class MappedRows implements Iterator<Row> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Thread producer;
    private final Task task;
    private final LongAccumulator mapped;
    private Iterator<Row> current = java.util.Collections.emptyIterator();
    private boolean done;
    private long ordinal;

    MappedRows(Task t, LongAccumulator read, LongAccumulator rejected, LongAccumulator mapped) {
      org.mirabella.ingest.XlsxSource.allowLargeSheets();
      this.task = t;
      this.mapped = mapped;
      Mapping mapping = MappingLoader.load(Path.of(t.mappingPath()), Model.get());
      ImportSettings settings = new ImportSettings(t.agency(), t.caseRef(), null, null, null, t.recordedBy(),
          Instant.ofEpochMilli(t.recordedAtMillis()));
      Ingestor ingestor = new Ingestor(Model.get(), mapping, settings);
      producer = Thread.ofPlatform().daemon().name("mirabella-spark-ingest-" + t.index()).start(() -> {
        Object last = END;
        try {
          var summary = ingestor.run(List.of(new InputFile(Path.of(t.path()), t.name())), batch -> put(List.copyOf(batch)),
              reject -> {}, Ingestor.Progress.NONE);
          read.add(summary.rowsRead());
          rejected.add(summary.rowsRejected());
        } catch (RuntimeException e) {
          last = e;
        } finally {
          try {
            queue.put(last);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      // a cancelled task (another file failed) stops its reader
      org.apache.spark.TaskContext ctx = org.apache.spark.TaskContext.get();
      if (ctx != null) ctx.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) c -> producer.interrupt());
    }

    private void put(List<Entity> batch) {
      try {
        queue.put(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("file task cancelled", e);
      }
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !done) {
        Object item;
        try {
          item = queue.take(); // the reader always ends with END or its error
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("file task interrupted: " + task.name(), e);
        }
        if (item == END) {
          done = true;
          break;
        }
        if (item instanceof RuntimeException e) throw e;
        @SuppressWarnings("unchecked")
        List<Entity> batch = (List<Entity>) item;
        current = rows(batch).iterator();
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) throw new NoSuchElementException();
      return current.next();
    }

    private List<Row> rows(List<Entity> batch) {
      List<Row> out = new ArrayList<>();
      for (Entity e : batch) {
        long pos = ((long) task.index() << ORDINAL_BITS) | ordinal++;
        for (Statement s : e.statements()) {
          Provenance p = s.provenance();
          out.add(RowFactory.create(pos, e.id(), e.schema().name(), e.agency(), e.caseRef(), s.id(), s.property(), s.value(),
              Timestamp.from(p.recordedAt()),
              s.originalValue() == null || s.originalValue().equals(s.value()) ? null : s.originalValue(),
              p.handling().name(), p.handlingCondition(), String.valueOf(p.grading().reliability()), (short) p.grading().accuracy(),
              p.source(), p.recordedBy()));
        }
      }
      mapped.add(out.size());
      return out;
    }
  }
}
