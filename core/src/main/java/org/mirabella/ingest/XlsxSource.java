package org.mirabella.ingest;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.mirabella.model.InvalidData;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * One sheet of an XLSX workbook, streamed: Apache POI's event API ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}) reads the sheet's XML with SAX, so memory holds the shared strings
 * and a few rows, never the sheet. The first row after {@code skipRows} is the header. Cells are
 * read as the values they hold, not as displayed: date cells become ISO dates ({@code 1987-03-17},
 * with the time when there is one), numbers plain decimals (a phone number typed as a number keeps
 * all its digits), formulas their cached result.
 * <p>SAX pushes rows while the ingestor pulls them, so the sheet is parsed on its own thread, at
 * most {@value #AHEAD} rows ahead of {@link #next()}; {@link #close()} stops it.
 */
public final class XlsxSource implements RowSource {
  static final int AHEAD = 256;

  private final String file;
  private final OPCPackage pkg;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();
  private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(AHEAD);
  private final Thread parser;
  private final long total;
  private final CountingInputStream counted;
  private boolean ended;

  private record SheetRow(long line, String[] cells) {}

  private record End() {}

  private record Failure(Exception error) {}

  static {
    allowLargeSheets();
  }

  /**
   * Lifts the JDK's caps on XML entity sizes for this JVM, unless the operator set them
   * ({@code -Djdk.xml.maxGeneralEntitySizeLimit=N}, {@code -Djdk.xml.totalEntitySizeLimit=N}). JDK 24 and newer
   * stop a parse once the characters written as references ({@code &lt;}, {@code &amp;}…) add up to 100,000
   * (JAXP00010003), which any real sheet with a passport's machine-readable zone (full of '<') reaches
   * after a few thousand rows, in the sheet or in its shared strings, which POI parses with its own readers
   * (hence system properties, not properties of one reader). Safe because POI's {@link XMLHelper} refuses
   * a DOCTYPE in every part it parses: no entity can be declared, so nothing can expand (a "billion
   * laughs" workbook is still refused, see the test), and only the five predefined one-character
   * references remain. Called when this class loads (the CLI, the server and Spark executors alike).
   */
  public static void allowLargeSheets() {
    for (String limit : List.of("jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit")) {
      if (System.getProperty(limit) == null) System.setProperty(limit, "0");
    }
  }

  public XlsxSource(Path path, String displayName, SourceSpec spec, String mappingName) {
    this.file = displayName;
    XSSFReader reader;
    try {
      this.pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
    } catch (Exception | LinkageError e) {
      throw new InvalidData("Malformed file", Map.of(displayName, "not a readable XLSX workbook: " + e.getMessage()));
    }
    InputStream sheet = null;
    long size = -1;
    XSSFSheetXMLHandler handler;
    try {
      reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator it = reader.getSheetIterator();
      List<String> names = new ArrayList<>();
      while (it.hasNext()) {
        InputStream s = it.next();
        names.add(it.getSheetName());
        if (sheet == null && (spec.sheet() == null || spec.sheet().equals(it.getSheetName()))) {
          sheet = s;
          if (it.getSheetPart() instanceof ZipPackagePart z) size = z.getSize();
        } else {
          s.close();
        }
      }
      if (sheet == null) {
        pkg.revert();
        if (names.isEmpty()) throw fail("the workbook has no sheet");
        throw new InvalidData("Bad mapping", Map.of(mappingName + ": source.sheet",
            "no sheet '" + spec.sheet() + "' in " + displayName + " (sheets: " + String.join(", ", names) + ")"));
      }
      handler = new XSSFSheetXMLHandler(reader.getStylesTable(), reader.getSharedStringsTable(), new Rows(), new Values(), false);
    } catch (InvalidData e) {
      throw e;
    } catch (Exception | LinkageError e) {
      pkg.revert();
      throw new InvalidData("Malformed file", Map.of(displayName, "not a readable XLSX workbook: " + e.getMessage()));
    }
    this.total = size;
    this.counted = new CountingInputStream(sheet);
    this.parser = Thread.ofPlatform().daemon().name("mirabella-xlsx-" + displayName).start(() -> parse(counted, handler));
    SheetRow h = null;
    SheetRow r;
    while ((r = take()) != null) {
      if (r.line() - 1 >= spec.skipRows()) {
        h = r;
        break;
      }
    }
    if (h == null) {
      close();
      throw fail("empty sheet: no header row");
    }
    List<String> cols = new ArrayList<>();
    for (String c : h.cells()) cols.add(c == null ? "" : c.strip());
    while (!cols.isEmpty() && cols.get(cols.size() - 1).isEmpty()) cols.remove(cols.size() - 1);
    this.header = List.copyOf(cols);
    for (int i = 0; i < header.size(); i++) index.putIfAbsent(header.get(i), i);
  }

  private void parse(CountingInputStream in, XSSFSheetXMLHandler handler) {
    try (in) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
      rows.put(new End());
    } catch (Stop | InterruptedException e) {
      // closed before the end of the sheet
    } catch (Exception e) {
      rows.offer(new Failure(e));
    }
  }

  /** Thrown inside the SAX callbacks to stop parsing when the source is closed. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** Gathers a row's cells by column letter and hands the row over. */
  private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private String[] cells = new String[16];
    private int width;

    @Override
    public void startRow(int rowNum) {
      Arrays.fill(cells, 0, width, null);
      width = 0;
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      int col = ref == null ? width : new CellReference(ref).getCol();
      if (col >= cells.length) cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
      cells[col] = value;
      width = Math.max(width, col + 1);
    }

    @Override
    public void endRow(int rowNum) {
      try {
        rows.put(new SheetRow(rowNum + 1L, Arrays.copyOf(cells, width)));
      } catch (InterruptedException e) {
        throw new Stop();
      }
    }
  }

  /** Numeric cells as the values they hold: ISO dates for date formats, plain decimals otherwise. */
  private static final class Values extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime d = DateUtil.getLocalDateTime(value, use1904Windowing);
        return d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d.toString();
      }
      return plain(value);
    }
  }

  static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private SheetRow take() {
    if (ended) return null;
    try {
      Object o = rows.take();
      if (o instanceof SheetRow r) {
        return r;
      }
      ended = true;
      if (o instanceof Failure f) {
        close();
        throw fail("not a readable XLSX sheet: " + f.error().getMessage());
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("reading " + file + " interrupted", e);
    }
  }

  private InvalidData fail(String why) {
    return new InvalidData("Malformed file", Map.of(file, why));
  }

  @Override
  public List<String> columns() {
    return header;
  }

  @Override
  public Row next() {
    SheetRow r;
    while ((r = take()) != null) {
      boolean blank = true;
      for (String c : r.cells()) blank &= c == null || c.isBlank();
      if (!blank) return new XlsxRow(r.line(), index, r.cells());
    }
    return null;
  }

  /** Bytes of the sheet's XML parsed (the parser runs ahead by at most {@value #AHEAD} rows). */
  @Override
  public long done() {
    return counted.count();
  }

  /** The sheet's XML size in bytes, or -1 when the package does not say. */
  @Override
  public long total() {
    return total;
  }

  @Override
  public void close() {
    parser.interrupt();
    rows.clear();
    pkg.revert();
  }

  record XlsxRow(long line, Map<String, Integer> index, String[] cells) implements Row {
    @Override
    public String get(String column) {
      Integer i = index.get(column);
      return i == null || i >= cells.length ? null : cells[i];
    }

    @Override
    public String raw() {
      return Csv.join(cells, ',', '"');
    }
  }
}
