package org.mirabella.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.mirabella.model.Entity;
import org.mirabella.model.Property;
import org.mirabella.model.Statement;
import org.mirabella.model.types.Types;

/**
 * The full-text index over entities (Lucene), kept beside the database in the data folder and
 * rebuilt from it when they disagree. Holds each entity's current values for finding it; the
 * entity itself is always read from the store through the access rules. Every query carries the
 * reader's {@link Visibility}, so totals and facets count only what the reader may see.
 *
 * <p>Visibility and durability are separate (Lucene's near-real-time search): {@link #index} and
 * {@link #delete} return once what they wrote is searchable (a reopened reader over the writer's
 * memory, waited for through a {@link ControlledRealTimeReopenThread}), while the fsync'ed Lucene
 * commit happens on a timer ({@link #COMMIT_INTERVAL_SECONDS}), on {@link #commit} and on close. A
 * commit per import batch used to make every search of a running import wait for disk and cold
 * readers (load benchmark, docs/benchmarks-load.md). What a crash loses is the index's writes since
 * its last commit; the database is the source of truth, and {@link IndexSync} (on start and in
 * {@code mirabella check --repair}) re-indexes every entity that is missing or whose
 * {@link #stamp} differs from the store's.
 */
public final class SearchIndex implements AutoCloseable {
  static final String ID = "id";
  static final String SCHEMA = "schema";
  static final String ANCESTRY = "isa";
  static final String AGENCY = "agency";
  static final String CASE = "case";
  static final String CATEGORY = "category";
  static final String COUNTRY = "country";
  static final String DATE = "date";
  static final String NAME = "name";
  static final String NAME_KEY = "namekey";
  static final String TEXT = "text";
  static final String IDENT = "ident";
  static final String CAPTION = "caption";
  /** Statements and retracted statements of the entity when indexed: "12/1" (see {@link #stamp}). */
  static final String STAMP = "stamp";

  /** Seconds between background commits of the index (writes are searchable at once, durable by then). */
  public static final double COMMIT_INTERVAL_SECONDS = 5;

  private final Directory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
  private final ScheduledExecutorService committer;
  private final Analyzer analyzer;
  private final Function<String, Collection<String>> nameKeys;

  private SearchIndex(Directory dir, Function<String, Collection<String>> nameKeys) throws IOException {
    this.dir = dir;
    this.nameKeys = nameKeys;
    NameAnalyzer text = new NameAnalyzer();
    this.analyzer = new PerFieldAnalyzerWrapper(text, Map.of());
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    this.writer = new IndexWriter(dir, cfg);
    this.searchers = new SearcherManager(writer, null);
    // Reopens at least once a second while writes come in, and within 10 ms for a writer that waits
    // for its own write (index/delete); searches never wait for it.
    this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.01);
    reopener.setName("search-index-reopen");
    reopener.setDaemon(true);
    reopener.start();
    this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "search-index-commit");
      t.setDaemon(true);
      return t;
    });
    long every = (long) (COMMIT_INTERVAL_SECONDS * 1000);
    committer.scheduleWithFixedDelay(this::commitQuietly, every, every, TimeUnit.MILLISECONDS);
    warmUp();
  }

  /** A name in the scripts searches arrive in: Latin, Arabic, Cyrillic, Greek, Ge'ez. */
  static final String WARM_UP_TEXT = "Mohamed Abdelrahman محمد عبد الرحمن Мухаммед Абдурахман Μωχάμεντ ሙሐመድ";

  /**
   * Builds ICU's transliteration rules now rather than in the first search: the first
   * {@code Any-Latin} transliterator of a process compiles rule tables for every script (hundreds of
   * milliseconds), later ones reuse them. The analyzer and the name keys then hold their own
   * transliterator per thread (ICU's are not safe for concurrent use), built from the cached rules.
   */
  private void warmUp() {
    analyze(WARM_UP_TEXT);
    nameKeys.apply(WARM_UP_TEXT);
  }

  /**
   * The cross-script name keys the index uses by default: the matching engine's blocking keys of a
   * name (transliterated consonant skeletons and variant groups), so "Mohamed Abdelrahman" finds
   * "محمد عبد الرحمن".
   */
  public static Collection<String> matchingNameKeys(String name) {
    return org.mirabella.matching.names.NameKey.of(name).blockingKeys();
  }

  /** The index in {@code folder} (created if absent). {@code nameKeys} gives cross-script keys of a name. */
  public static SearchIndex open(Path folder, Function<String, Collection<String>> nameKeys) {
    try {
      return new SearchIndex(FSDirectory.open(folder), nameKeys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + folder, e);
    }
  }

  public static SearchIndex inMemory(Function<String, Collection<String>> nameKeys) {
    try {
      return new SearchIndex(new ByteBuffersDirectory(), nameKeys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces entities (by id); searchable when this returns, durable at the next commit. */
  public void index(Collection<Entity> entities) {
    try {
      long generation = -1;
      for (Entity e : entities) generation = writer.updateDocument(new Term(ID, e.id()), document(e));
      visible(generation);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Removes entities (erasure, deletion) from the index; gone from searches when this returns. */
  public void delete(Collection<String> ids) {
    try {
      long generation = -1;
      for (String id : ids) generation = writer.deleteDocuments(new Term(ID, id));
      visible(generation);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Empties the index (before a rebuild from the store). */
  public void clear() {
    try {
      visible(writer.deleteAll());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Waits until searches see the writer's operation {@code generation} (-1: nothing was written). */
  private void visible(long generation) {
    if (generation < 0) return;
    try {
      reopener.waitForGeneration(generation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the search index reopened", e);
    }
  }

  /** Makes every write so far durable (a Lucene commit, fsync'ed); the timer does this every few seconds. */
  public void commit() {
    try {
      if (writer.isOpen() && writer.hasUncommittedChanges()) writer.commit();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (RuntimeException e) {
      // The writer closed under the timer, or the disk failed: the next commit or close tries again,
      // and what never became durable is re-indexed from the store on start (IndexSync).
      org.slf4j.LoggerFactory.getLogger(SearchIndex.class).atWarn().addKeyValue("event", "index.commit.failed")
          .log("search index commit failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Whether writes are waiting for a commit (tests). */
  boolean hasUncommittedChanges() {
    return writer.hasUncommittedChanges();
  }

  /**
   * The stamp of an entity with {@code statements} statements, {@code retracted} of them retracted:
   * statements are immutable and a correction retracts, so any change to what the store holds of an
   * entity changes one of the two counts; {@link IndexSync} compares the index's stamps with the
   * store's to find entities whose indexed values are out of date.
   */
  public static String stamp(long statements, long retracted) {
    return statements + "/" + retracted;
  }

  /** Number of indexed entities. */
  public long count() {
    return withSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  private Document document(Entity e) {
    Document d = new Document();
    d.add(new StringField(ID, e.id(), Field.Store.YES));
    d.add(new StringField(SCHEMA, e.schema().name(), Field.Store.YES));
    d.add(new SortedSetDocValuesField(SCHEMA, new BytesRef(e.schema().name())));
    for (String a : e.schema().ancestry()) d.add(new StringField(ANCESTRY, a, Field.Store.NO));
    d.add(new StringField(AGENCY, e.agency(), Field.Store.YES));
    d.add(new SortedSetDocValuesField(AGENCY, new BytesRef(e.agency())));
    d.add(new StringField(CASE, Visibility.caseKey(e.agency(), e.caseRef()), Field.Store.YES));
    d.add(new StringField(CATEGORY, e.category().code(), Field.Store.YES));
    d.add(new StoredField(CAPTION, e.caption()));
    d.add(new StoredField(STAMP, stamp(e.statements().size(), e.statements().stream().filter(Statement::retracted).count())));
    for (Statement s : e.statements()) {
      if (s.retracted()) continue;
      Property p = e.schema().property(s.property());
      if (p == null || p.hidden()) continue;
      var type = p.type();
      if (type == Types.NAME) {
        d.add(new TextField(NAME, s.value(), Field.Store.NO));
        for (String k : nameKeys.apply(s.value())) d.add(new StringField(NAME_KEY, k, Field.Store.NO));
      } else if (type == Types.COUNTRY) {
        d.add(new StringField(COUNTRY, s.value(), Field.Store.NO));
      } else if (type == Types.DATE) {
        d.add(new StringField(DATE, s.value(), Field.Store.NO));
      } else if (type == Types.IDENTIFIER || type == Types.PHONE || type == Types.IBAN || type == Types.EMAIL) {
        d.add(new StringField(IDENT, s.value().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
      }
      if (type != Types.ENTITY) d.add(new TextField(TEXT, s.value(), Field.Store.NO));
    }
    return d;
  }

  /** Runs a search within what the reader may see. */
  public SearchResults search(SearchRequest req, Visibility visibility) {
    Query q = query(req, visibility);
    return withSearcher(s -> {
      // One pass over the matches for both the page and the counts (rewriting and scoring the query
      // once, not twice: the two searches were 44 % of the search route's CPU under load, JFR).
      Object[] both = s.search(q, new org.apache.lucene.search.MultiCollectorManager(
          new org.apache.lucene.search.TopScoreDocCollectorManager(req.offset() + req.limit(), Integer.MAX_VALUE),
          new FacetCounts(List.of(SCHEMA, AGENCY))));
      TopDocs top = (TopDocs) both[0];
      FacetCounts.Result counted = (FacetCounts.Result) both[1];
      List<SearchResults.Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      var stored = s.storedFields();
      for (int i = req.offset(); i < docs.length; i++) {
        Document d = stored.document(docs[i].doc);
        String caseKey = d.get(CASE);
        hits.add(new SearchResults.Hit(d.get(ID), d.get(SCHEMA), d.get(CAPTION), d.get(AGENCY),
            caseKey.substring(caseKey.indexOf('/') + 1), d.get(CATEGORY), docs[i].score));
      }
      return new SearchResults(counted.total(), hits, counted.counts().get(SCHEMA), counted.counts().get(AGENCY));
    });
  }

  Query query(SearchRequest req, Visibility visibility) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(visibility.filter(), Occur.FILTER);
    Query text = textQuery(req.text());
    b.add(text == null ? new MatchAllDocsQuery() : text, text == null ? Occur.FILTER : Occur.MUST);
    terms(b, ANCESTRY, req.schemata());
    terms(b, AGENCY, req.agencies());
    terms(b, COUNTRY, req.countries());
    if (!req.cases().isEmpty()) terms(b, CASE, req.cases());
    if (req.dateFrom() != null || req.dateTo() != null) {
      b.add(TermRangeQuery.newStringRange(DATE, req.dateFrom(), req.dateTo() == null ? null : req.dateTo() + "\uffff", true, true),
          Occur.FILTER);
    }
    return b.build();
  }

  private static void terms(BooleanQuery.Builder b, String field, Set<String> values) {
    if (values.isEmpty()) return;
    b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
  }

  /**
   * Free text to a query: every word must match, in a name (exactly, or fuzzily for longer words),
   * or in any value; the whole text also matches by cross-script name keys or as an identifier.
   * Built from terms, never parsed as query syntax, so user input cannot inject operators.
   */
  private Query textQuery(String text) {
    if (text.isBlank()) return null;
    List<String> words = analyze(text);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (!words.isEmpty()) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (String w : words) {
        BooleanQuery.Builder word = new BooleanQuery.Builder();
        word.add(new BoostQuery(new TermQuery(new Term(NAME, w)), 3f), Occur.SHOULD);
        word.add(new TermQuery(new Term(TEXT, w)), Occur.SHOULD);
        if (w.length() >= 5) word.add(new FuzzyQuery(new Term(NAME, w), w.length() >= 8 ? 2 : 1, 1), Occur.SHOULD);
        all.add(word.build(), Occur.MUST);
      }
      any.add(all.build(), Occur.SHOULD);
    }
    Collection<String> keys = nameKeys.apply(text);
    if (!keys.isEmpty()) any.add(nameKeyQuery(keys), Occur.SHOULD);
    String compact = text.replaceAll("[\\s\\-./]", "").toLowerCase(java.util.Locale.ROOT);
    any.add(new BoostQuery(new TermQuery(new Term(IDENT, compact)), 5f), Occur.SHOULD);
    return any.build();
  }

  /** At most this many name keys of a query are scored one by one (a name has a few per word). */
  private static final int SCORED_NAME_KEYS = 256;

  /**
   * The cross-script match: each of the query's name keys a record shares adds its part of 2, so
   * the same name (every key) scores 2 and a name sharing one word of it less. Cross-script queries
   * match by these keys alone: scored as one set, every record sharing any word scored alike and the
   * man himself could fall past the first page of "Abdelrahman"s.
   */
  private static Query nameKeyQuery(Collection<String> keys) {
    if (keys.size() > SCORED_NAME_KEYS) {
      return new BoostQuery(new TermInSetQuery(NAME_KEY, keys.stream().map(BytesRef::new).toList()), 2f);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    float each = 2f / keys.size();
    for (String k : keys) b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(NAME_KEY, k))), each), Occur.SHOULD);
    return b.build();
  }

  private List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(NAME, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return work.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits what is not yet durable and closes (the writer commits on close). */
  @Override
  public void close() {
    stopThreads();
    try {
      searchers.close();
      writer.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes without committing, as a crash would leave it: the writes since the last commit are
   * lost (tests of the repair on start).
   */
  void abandon() {
    stopThreads();
    try {
      searchers.close();
      writer.rollback();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stopThreads() {
    committer.shutdownNow();
    try {
      committer.awaitTermination(30, TimeUnit.SECONDS); // a commit under way finishes before the writer closes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reopener.close();
  }

  /** Entity ids held by the index (for the consistency check against the store). */
  public Set<String> ids() {
    return stamps().keySet();
  }

  /** Each indexed entity's id with its {@link #stamp} (null for a document indexed before stamps). */
  public Map<String, String> stamps() {
    return withSearcher(s -> {
      Map<String, String> out = new java.util.HashMap<>();
      var stored = s.storedFields();
      var reader = s.getIndexReader();
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      Set<String> fields = Set.of(ID, STAMP);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live != null && !live.get(i)) continue;
        Document d = stored.document(i, fields);
        out.put(d.get(ID), d.get(STAMP));
      }
      return out;
    });
  }

}
