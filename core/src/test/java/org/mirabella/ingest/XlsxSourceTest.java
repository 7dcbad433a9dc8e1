package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.model.InvalidData;

class XlsxSourceTest {
  @TempDir Path dir;

  /** A workbook as an agency would export it: a cover sheet, then the data with a date and a numeric phone. */
  static Path workbook(Path file) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      wb.createSheet("Info").createRow(0).createCell(0).setCellValue("Export");
      Sheet s = wb.createSheet("Persone");
      Row h = s.createRow(0);
      String[] cols = {"id", "nome", "nascita", "telefono", "importo"};
      for (int i = 0; i < cols.length; i++) h.createCell(i).setCellValue(cols[i]);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Row r = s.createRow(1);
      r.createCell(0).setCellValue(17);
      r.createCell(1).setCellValue("Niccolò");
      r.createCell(2).setCellValue(LocalDate.of(1987, 3, 17));
      r.getCell(2).setCellStyle(date);
      r.createCell(3).setCellValue(393331234567d);
      r.createCell(4).setCellValue(1500.5);
      s.createRow(2); // blank row
      Row r3 = s.createRow(3);
      r3.createCell(0).setCellValue("18");
      r3.createCell(1).setCellValue("Ada");
      wb.write(out);
    }
    return file;
  }

  @Test
  void readsCellsAsTheValuesTheyHold() throws Exception {
    Path p = workbook(dir.resolve("p.xlsx"));
    var spec = new SourceSpec(SourceSpec.Format.XLSX, ',', '"', null, "Persone", List.of(), false, 0);
    try (XlsxSource src = new XlsxSource(p, "p.xlsx", spec, "m.yaml")) {
      assertThat(src.columns()).containsExactly("id", "nome", "nascita", "telefono", "importo");
      var r = src.next();
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.get("id")).isEqualTo("17");
      assertThat(r.get("nome")).isEqualTo("Niccolò");
      assertThat(r.get("nascita")).isEqualTo("1987-03-17");
      assertThat(r.get("telefono")).isEqualTo("393331234567");
      assertThat(r.get("importo")).isEqualTo("1500.5");
      var r3 = src.next();
      assertThat(r3.line()).isEqualTo(4);
      assertThat(r3.get("nascita")).isNull();
      assertThat(src.next()).isNull();
    }
  }

  /**
   * A passport's machine-readable zone is full of '<', which the sheet's XML writes as {@code &lt;}; JDK 24
   * and newer stop a parse once such references add up to 100,000 characters (JAXP00010003), so a real
   * export with an MRZ column failed as "not a readable XLSX sheet" after some thousands of rows.
   */
  @Test
  void readsASheetWhoseEscapedCharactersAddUpPastTheJdksEntityLimit() throws Exception {
    Path p = dir.resolve("mrz.xlsx");
    int n = 8_000; // 8,000 x 30 '<' = 240,000 escaped characters
    String filler = "<".repeat(30);
    writeSheet(p, "mrz", n, i -> "P<ITAROSSI" + filler + i);
    try (XlsxSource src = new XlsxSource(p, "mrz.xlsx", SourceSpec.defaults(SourceSpec.Format.XLSX), "m.yaml")) {
      Drained d = drain(src);
      assertThat(d.rows()).isEqualTo(n);
      assertThat(d.last().get("mrz")).isEqualTo("P<ITAROSSI" + filler + n);
    }
  }

  /** With the JDK's size caps lifted, a sheet that declares entities (a "billion laughs") is still refused. */
  @Test
  void refusesASheetThatDeclaresEntities() throws Exception {
    Path plain = dir.resolve("plain.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
      Row h = wb.createSheet("Data").createRow(0);
      h.createCell(0).setCellValue("id");
      wb.write(out);
    }
    StringBuilder lol = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    lol.append("]>");
    Path bomb = dir.resolve("bomb.xlsx");
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(plain));
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      java.util.zip.ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
          int root = xml.indexOf("<worksheet");
          xml = xml.substring(0, root) + lol + xml.substring(root).replace("<v>", "<v>&l9;");
          xml = xml.replaceFirst("(<c r=\"A1\"[^>]*>)", "$1<is><t>&l9;</t></is>");
          bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    var spec = SourceSpec.defaults(SourceSpec.Format.XLSX);
    assertThatThrownBy(() -> new XlsxSource(bomb, "bomb.xlsx", spec, "m.yaml").close())
        .isInstanceOf(org.mirabella.model.InvalidData.class)
        .hasMessageContaining("bomb.xlsx")
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void streamsALargeSheetRowByRowAndStopsWhenClosedEarly() throws Exception {
    Path p = dir.resolve("big.xlsx");
    int n = 30_000;
    writeSheet(p, "name", n, i -> "name " + i);
    var spec = SourceSpec.defaults(SourceSpec.Format.XLSX);
    try (XlsxSource src = new XlsxSource(p, "big.xlsx", spec, "m.yaml")) {
      Drained d = drain(src);
      org.mirabella.ingest.Row last = d.last();
      assertThat(d.rows()).isEqualTo(n);
      assertThat(last.line()).isEqualTo(n + 1);
      assertThat(last.get("id")).isEqualTo(String.valueOf(n));
      assertThat(last.get("name")).isEqualTo("name " + n);
      assertThat(src.done()).isEqualTo(src.total()).isPositive();
    }
    // the early source's parser thread has its own name, so threads of other sources cannot blur the count
    XlsxSource early = new XlsxSource(p, "early.xlsx", spec, "m.yaml");
    assertThat(early.next().get("id")).isEqualTo("1");
    assertThat(parserThreads("mirabella-xlsx-early.xlsx")).isEqualTo(1);
    early.close();
    for (int i = 0; i < 250 && parserThreads("mirabella-xlsx-early.xlsx") > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(parserThreads("mirabella-xlsx-early.xlsx")).as("parser thread stopped after close").isZero();
  }

  private record Drained(long rows, org.mirabella.ingest.Row last) {}

  /** Reads a source to its end one row at a time, keeping only the count and the last row. */
  private static Drained drain(XlsxSource src) {
    long rows = 0;
    org.mirabella.ingest.Row r;
    org.mirabella.ingest.Row last = null;
    while ((r = src.next()) != null) {
      rows++;
      last = r;
    }
    return new Drained(rows, last);
  }

  /** A streamed sheet "Data": a header (id, {@code column}) and rows 1..n of (i, value(i)). */
  private static void writeSheet(Path p, String column, int n, java.util.function.IntFunction<String> value) throws Exception {
    try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(p)) {
      Sheet s = wb.createSheet("Data");
      Row h = s.createRow(0);
      h.createCell(0).setCellValue("id");
      h.createCell(1).setCellValue(column);
      for (int i = 1; i <= n; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(i);
        r.createCell(1).setCellValue(value.apply(i));
      }
      wb.write(out);
    }
  }

  private static long parserThreads(String name) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
  }

  @Test
  void namesAMissingSheetAndAFileThatIsNoWorkbook() throws Exception {
    Path p = workbook(dir.resolve("p.xlsx"));
    var spec = new SourceSpec(SourceSpec.Format.XLSX, ',', '"', null, "Persons", List.of(), false, 0);
    assertThatThrownBy(() -> new XlsxSource(p, "p.xlsx", spec, "m.yaml")).isInstanceOf(InvalidData.class)
        .hasMessage("Bad mapping: m.yaml: source.sheet: no sheet 'Persons' in p.xlsx (sheets: Info, Persone)");
    Path bad = dir.resolve("bad.xlsx");
    Files.writeString(bad, "id,name\n1,x\n");
    assertThatThrownBy(() -> new XlsxSource(bad, "bad.xlsx", SourceSpec.defaults(SourceSpec.Format.XLSX), "m.yaml"))
        .isInstanceOf(InvalidData.class).message().startsWith("Malformed file: bad.xlsx: not a readable XLSX workbook: ");
  }
}
