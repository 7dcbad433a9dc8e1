package org.mirabella.ingest;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What the embedded store's engines can take at most, without any of Mirabella's code: the ceiling
 * that issue 4's import target (200,000 statements/s on 2 cores) runs into. Each layout writes the
 * same synthetic data in one transaction (as an atomic import must) and prints rows and the
 * equivalent statements per CPU-second (process CPU, all threads, the commit included) and the file
 * size. Results are in docs/benchmarks-ingest.md ("What limits it").
 *
 * <pre>
 * java -cp app/target/mirabella.jar:app/target/test-classes org.mirabella.ingest.StoreCeilingBenchmark \
 *     all 200000 target/ceiling
 * </pre>
 *
 * Layouts: {@code rows} (Mirabella's statement table: one row per statement, SHA-1 key, entity
 * foreign key, two secondary indexes), {@code packed} (one row per entity, its statements packed in
 * one binary column, hashed entity id as key), {@code ctas} (statements bulk-loaded by {@code CREATE
 * TABLE AS SELECT … FROM CSVREAD}, then the two indexes built by H2's sort-based index build),
 * {@code mvstore} (H2's key-value engine directly: one packed entity per put), {@code lucene} (one
 * document per entity: four keyword fields and the packed statements stored), {@code entities}
 * (Mirabella's {@code entity} table alone, as migrated: hashed id key, foreign key to
 * {@code case_file}, the case, review-date and sequence indexes; no statements at all: the floor of
 * any layout that keeps one SQL row per entity), {@code entities-committed} (the same, committed
 * every 5,000 rows), {@code entity-keys} and {@code entity-keys-committed} (the same rows with only
 * the hashed id's primary key: no foreign key, no other index), {@code entity-keys-sequential} (the
 * same with zero-padded sequential ids instead of hashes: what the hashing costs).
 */
public final class StoreCeilingBenchmark {
  /** Statements per entity in the scenario's agency files (demo: 118,211 statements / 16,148 entities). */
  static final int STATEMENTS_PER_ENTITY = 7;
  /** Bytes per packed statement: property, value and provenance, about what the import writes. */
  static final int BYTES_PER_STATEMENT = 100;

  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    String layout = args.length > 0 ? args[0] : "all";
    int entities = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path dir = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir") + "/mirabella-ceiling");
    System.out.printf(Locale.ROOT, "store ceiling: %,d entities x %d statements; %d cores; load average %.2f%n",
        entities, STATEMENTS_PER_ENTITY, Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
    for (String l : layout.equals("all") ? new String[] {"rows", "packed", "ctas", "mvstore", "lucene"} : new String[] {layout}) {
      Path d = dir.resolve(l);
      clean(d);
      Files.createDirectories(d);
      long cpu = OS.getProcessCpuTime();
      long wall = System.nanoTime();
      long rows = switch (l) {
        case "rows" -> rows(d, entities);
        case "packed" -> packed(d, entities);
        case "ctas" -> ctas(d, entities);
        case "mvstore" -> mvstore(d, entities);
        case "lucene" -> lucene(d, entities);
        case "entities" -> entityRows(d, entities, false, false, false);
        case "entities-committed" -> entityRows(d, entities, true, false, false);
        case "entity-keys" -> entityRows(d, entities, false, true, false);
        case "entity-keys-committed" -> entityRows(d, entities, true, true, false);
        case "entity-keys-sequential" -> entityRows(d, entities, false, true, true);
        default -> throw new IllegalArgumentException("unknown layout " + l + " (rows, packed, ctas, mvstore, lucene, entities, entities-committed, entity-keys, entity-keys-committed, entity-keys-sequential, all)");
      };
      double cpuS = (OS.getProcessCpuTime() - cpu) / 1e9;
      double wallS = (System.nanoTime() - wall) / 1e9;
      long bytes = size(d);
      System.out.printf(Locale.ROOT,
          "  %-8s %,11d rows in %6.1f s CPU (%5.1f s wall): %,9.0f rows and %,9.0f statements per CPU-second; %,6d MB on disk (%,d bytes per statement)%n",
          l, rows, cpuS, wallS, rows / cpuS, (double) entities * STATEMENTS_PER_ENTITY / cpuS, bytes >> 20,
          bytes / ((long) entities * STATEMENTS_PER_ENTITY));
      clean(d);
    }
    System.out.printf(Locale.ROOT, "  load average %.2f at the end%n", OS.getSystemLoadAverage());
  }

  private static String hash(MessageDigest sha, String s) {
    return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] packedStatements(Random random) {
    byte[] b = new byte[STATEMENTS_PER_ENTITY * BYTES_PER_STATEMENT];
    for (int i = 0; i < b.length; i++) b[i] = (byte) ('a' + random.nextInt(26)); // text-like, compresses as text would
    return b;
  }

  private static Connection h2(Path d) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + d.resolve("store") + ";WRITE_DELAY=0", "sa", "");
  }

  /**
   * {@code committed}: a commit every 5,000 rows (not atomic; how much of the cost is the one open
   * transaction); {@code keyOnly}: only the primary key on the hashed id; {@code sequentialIds}:
   * zero-padded counters instead of hashes.
   */
  private static long entityRows(Path d, int entities, boolean committed, boolean keyOnly, boolean sequentialIds) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    try (Connection c = h2(d); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE case_file(agency VARCHAR(16) NOT NULL, ref VARCHAR(128) NOT NULL, PRIMARY KEY (agency, ref))");
      s.execute("INSERT INTO case_file VALUES ('IT-SCO', 'CASE-1')");
      s.execute("CREATE TABLE entity(id VARCHAR(128) PRIMARY KEY, schema_name VARCHAR(64) NOT NULL, agency VARCHAR(16) NOT NULL,"
          + " case_ref VARCHAR(128) NOT NULL, category VARCHAR(16) NOT NULL, review_date DATE NOT NULL,"
          + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, seq BIGINT GENERATED BY DEFAULT AS IDENTITY"
          + (keyOnly ? ")" : ", FOREIGN KEY (agency, case_ref) REFERENCES case_file(agency, ref))"));
      if (!keyOnly) {
        s.execute("CREATE INDEX entity_case ON entity(agency, case_ref)");
        s.execute("CREATE INDEX entity_review ON entity(review_date)");
        s.execute("CREATE INDEX entity_seq ON entity(seq)");
      }
      c.setAutoCommit(false);
      OffsetDateTime now = OffsetDateTime.now();
      java.time.LocalDate review = now.toLocalDate().plusYears(3);
      try (PreparedStatement e = c.prepareStatement("INSERT INTO entity(id, schema_name, agency, case_ref, category, review_date, created_at)"
          + " VALUES (?, 'Person', 'IT-SCO', 'CASE-1', 'SUSPECT', ?, ?)")) {
        for (int i = 0; i < entities; i++) {
          e.setString(1, sequentialIds ? String.format(Locale.ROOT, "%040d", i) : hash(sha, "e" + i));
          e.setObject(2, review);
          e.setObject(3, now);
          e.addBatch();
          if (i % 1000 == 999) e.executeBatch();
          if (committed && i % 5000 == 4999) c.commit();
        }
        e.executeBatch();
      }
      c.commit();
    }
    return entities;
  }

  private static long rows(Path d, int entities) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    try (Connection c = h2(d); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE entity(id VARCHAR(128) PRIMARY KEY, schema_name VARCHAR(64) NOT NULL, agency VARCHAR(16) NOT NULL, case_ref VARCHAR(128) NOT NULL)");
      s.execute("CREATE TABLE statement(id CHAR(40) PRIMARY KEY, entity_id VARCHAR(128) NOT NULL REFERENCES entity(id), property VARCHAR(64) NOT NULL,"
          + " prop_value VARCHAR(65536) NOT NULL, agency VARCHAR(16) NOT NULL, case_ref VARCHAR(128) NOT NULL, handling CHAR(2) NOT NULL,"
          + " reliability CHAR(1) NOT NULL, accuracy SMALLINT NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      s.execute("CREATE INDEX statement_entity ON statement(entity_id)");
      s.execute("CREATE INDEX statement_agency_case ON statement(agency, case_ref)");
      c.setAutoCommit(false);
      OffsetDateTime now = OffsetDateTime.now();
      try (PreparedStatement e = c.prepareStatement("INSERT INTO entity VALUES (?, 'Person', 'IT-SCO', 'CASE-1')");
           PreparedStatement st = c.prepareStatement("INSERT INTO statement VALUES (?, ?, 'name', ?, 'IT-SCO', 'CASE-1', 'H1', 'B', 2, ?)")) {
        for (int i = 0; i < entities; i++) {
          String id = hash(sha, "e" + i);
          e.setString(1, id);
          e.addBatch();
          for (int k = 0; k < STATEMENTS_PER_ENTITY; k++) {
            st.setString(1, hash(sha, id + k));
            st.setString(2, id);
            st.setString(3, "Mohamed Abdel Rahman " + i + " " + k);
            st.setObject(4, now);
            st.addBatch();
          }
          if (i % 1000 == 999) {
            e.executeBatch();
            st.executeBatch();
          }
        }
        e.executeBatch();
        st.executeBatch();
      }
      c.commit();
    }
    return (long) entities * (STATEMENTS_PER_ENTITY + 1);
  }

  private static long packed(Path d, int entities) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    Random random = new Random(7);
    try (Connection c = h2(d); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE entity(id VARCHAR(128) PRIMARY KEY, schema_name VARCHAR(64) NOT NULL, agency VARCHAR(16) NOT NULL,"
          + " case_ref VARCHAR(128) NOT NULL, statements VARBINARY(1000000) NOT NULL)");
      s.execute("CREATE INDEX entity_case ON entity(agency, case_ref)");
      c.setAutoCommit(false);
      try (PreparedStatement e = c.prepareStatement("INSERT INTO entity VALUES (?, 'Person', 'IT-SCO', 'CASE-1', ?)")) {
        for (int i = 0; i < entities; i++) {
          e.setString(1, hash(sha, "e" + i));
          e.setBytes(2, packedStatements(random));
          e.addBatch();
          if (i % 1000 == 999) e.executeBatch();
        }
        e.executeBatch();
      }
      c.commit();
    }
    return entities;
  }

  private static long ctas(Path d, int entities) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    Path csv = d.resolve("statements.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("ID,ENTITY_ID,PROPERTY,PROP_VALUE,AGENCY,CASE_REF,HANDLING,RELIABILITY,ACCURACY,RECORDED_AT\n");
      for (int i = 0; i < entities; i++) {
        String id = hash(sha, "e" + i);
        for (int k = 0; k < STATEMENTS_PER_ENTITY; k++) {
          w.write(hash(sha, id + k) + "," + id + ",name,Mohamed Abdel Rahman " + i + " " + k + ",IT-SCO,CASE-1,H1,B,2,2026-11-29T00:00:00Z\n");
        }
      }
    }
    try (Connection c = h2(d); Statement s = c.createStatement()) {
      // Writing and reading the CSV are measured too: formatting and parsing are part of any import.
      s.execute("CREATE TABLE statement(id CHAR(40) NOT NULL, entity_id VARCHAR(128) NOT NULL, property VARCHAR(64) NOT NULL,"
          + " prop_value VARCHAR(65536) NOT NULL, agency VARCHAR(16) NOT NULL, case_ref VARCHAR(128) NOT NULL, handling CHAR(2) NOT NULL,"
          + " reliability CHAR(1) NOT NULL, accuracy SMALLINT NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)"
          + " AS SELECT * FROM CSVREAD('" + csv + "')");
      s.execute("ALTER TABLE statement ADD CONSTRAINT statement_pk PRIMARY KEY (id)");
      s.execute("CREATE INDEX statement_entity ON statement(entity_id)");
      s.execute("CREATE INDEX statement_agency_case ON statement(agency, case_ref)");
    }
    Files.delete(csv);
    return (long) entities * STATEMENTS_PER_ENTITY;
  }

  private static long mvstore(Path d, int entities) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    Random random = new Random(7);
    MVStore store = new MVStore.Builder().fileName(d.resolve("store.mv").toString()).autoCommitDisabled().open();
    try {
      MVMap<String, byte[]> map = store.openMap("entity");
      for (int i = 0; i < entities; i++) {
        map.put(hash(sha, "e" + i), packedStatements(random));
      }
      store.commit();
    } finally {
      store.close();
    }
    return entities;
  }

  private static long lucene(Path d, int entities) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    Random random = new Random(7);
    IndexWriterConfig config = new IndexWriterConfig(null).setRAMBufferSizeMB(64).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter w = new IndexWriter(FSDirectory.open(d), config)) {
      for (int i = 0; i < entities; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", hash(sha, "e" + i), Field.Store.NO));
        doc.add(new StringField("schema", "Person", Field.Store.NO));
        doc.add(new StringField("agency", "IT-SCO", Field.Store.NO));
        doc.add(new StringField("case", "CASE-1", Field.Store.NO));
        doc.add(new StoredField("statements", packedStatements(random)));
        w.addDocument(doc);
      }
      w.commit();
    }
    return entities;
  }

  private static long size(Path d) throws IOException {
    try (Stream<Path> files = Files.walk(d)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void clean(Path d) throws IOException {
    if (!Files.exists(d)) return;
    try (Stream<Path> files = Files.walk(d)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
