package org.mirabella.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mirabella.model.InvalidData;

/**
 * One sheet of an XLSX workbook (Apache POI): the first row after {@code skipRows} is the header.
 * Cells are read as the values they hold, not as displayed: date cells become ISO dates
 * ({@code 1987-03-17}, with the time when there is one), numbers plain decimals (a phone number
 * typed as a number keeps all its digits), formulas their cached result.
 * <p>Hazard: POI's user model holds the sheet in memory; spreadsheets are bounded (about a million
 * rows), large exports should come as CSV.
 */
public final class XlsxSource implements RowSource {
  private final String file;
  private final OPCPackage pkg;
  private final XSSFWorkbook workbook;
  private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();
  private final long total;
  private long done;

  public XlsxSource(Path path, String displayName, SourceSpec spec, String mappingName) {
    this.file = displayName;
    try {
      this.pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
      this.workbook = new XSSFWorkbook(pkg);
    } catch (Exception | LinkageError e) {
      throw new InvalidData("Malformed file", Map.of(displayName, "not a readable XLSX workbook: " + e.getMessage()));
    }
    Sheet sheet;
    if (spec.sheet() == null) {
      if (workbook.getNumberOfSheets() == 0) throw fail("the workbook has no sheet");
      sheet = workbook.getSheetAt(0);
    } else {
      sheet = workbook.getSheet(spec.sheet());
      if (sheet == null) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) names.add(workbook.getSheetName(i));
        close();
        throw new InvalidData("Bad mapping", Map.of(mappingName + ": source.sheet",
            "no sheet '" + spec.sheet() + "' in " + displayName + " (sheets: " + String.join(", ", names) + ")"));
      }
    }
    this.total = Math.max(0, sheet.getLastRowNum() - sheet.getFirstRowNum() + 1);
    this.rows = sheet.rowIterator();
    org.apache.poi.ss.usermodel.Row h = null;
    while (rows.hasNext()) {
      org.apache.poi.ss.usermodel.Row r = rows.next();
      done++;
      if (r.getRowNum() >= spec.skipRows()) {
        h = r;
        break;
      }
    }
    if (h == null) {
      close();
      throw fail("empty sheet: no header row");
    }
    List<String> cols = new ArrayList<>();
    for (String c : cells(h)) cols.add(c == null ? "" : c.strip());
    while (!cols.isEmpty() && cols.get(cols.size() - 1).isEmpty()) cols.remove(cols.size() - 1);
    this.header = List.copyOf(cols);
    for (int i = 0; i < header.size(); i++) index.putIfAbsent(header.get(i), i);
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
    while (rows.hasNext()) {
      org.apache.poi.ss.usermodel.Row r = rows.next();
      done++;
      String[] cells = cells(r);
      boolean blank = true;
      for (String c : cells) blank &= c == null || c.isBlank();
      if (blank) continue;
      return new XlsxRow(r.getRowNum() + 1L, index, cells);
    }
    return null;
  }

  private static String[] cells(org.apache.poi.ss.usermodel.Row r) {
    int n = Math.max(0, r.getLastCellNum());
    String[] out = new String[n];
    for (int i = 0; i < n; i++) out[i] = value(r.getCell(i));
    return out;
  }

  static String value(Cell c) {
    if (c == null) return null;
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case STRING -> c.getStringCellValue();
      case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(c)) {
          LocalDateTime d = c.getLocalDateTimeCellValue();
          yield d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d.toString();
        }
        yield new BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros().toPlainString();
      }
      default -> null;
    };
  }

  @Override
  public long done() {
    return done;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public void close() {
    try {
      workbook.close();
    } catch (IOException e) {
      // read-only: nothing to save
    }
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
