package org.mirabella.scenario.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mirabella.scenario.AgencyProfile;
import org.mirabella.scenario.TableWriter;

/**
 * An agency table as an XLSX workbook, streamed with POI's SXSSF (a window of 200 rows in memory, the
 * rest in a compressed temporary file), every value a text cell as exported from a case system. For
 * byte-identical output the document dates are fixed and the package is re-zipped with fixed entry
 * times (POI stamps the clock into both).
 */
final class XlsxTableWriter implements TableWriter {
  private static final Date FIXED = new Date(1_704_067_200_000L); // 2024-01-01T00:00:00Z
  private final Path file;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final Sheet sheet;
  private long rows;

  XlsxTableWriter(Path file, AgencyProfile.Format format, List<String> header) {
    this.file = file;
    workbook.setCompressTempFiles(true);
    sheet = workbook.createSheet(format.sheet() == null ? "Sheet1" : format.sheet());
    write(0, header);
  }

  private void write(int index, List<String> values) {
    Row r = sheet.createRow(index);
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (!v.isEmpty()) r.createCell(i).setCellValue(v);
    }
  }

  @Override
  public void row(List<String> values) {
    rows++;
    write((int) rows, values);
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
    core.setCreated(Optional.of(FIXED));
    core.setModified(Optional.of(FIXED));
    Path tmp = Files.createTempFile("mirabella-", ".xlsx");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        workbook.write(out);
      } finally {
        workbook.dispose();
        workbook.close();
      }
      try (ZipFile in = new ZipFile(tmp.toFile());
           ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        for (ZipEntry e : java.util.Collections.list(in.entries())) {
          ZipEntry copy = new ZipEntry(e.getName());
          copy.setTime(FIXED.getTime());
          out.putNextEntry(copy);
          try (InputStream data = in.getInputStream(e)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
