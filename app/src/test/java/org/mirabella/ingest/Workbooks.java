package org.mirabella.ingest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX test files, written with POI as an agency's spreadsheet would be. */
final class Workbooks {
  private Workbooks() {}

  /** A cover sheet, then "Persone": id, nome, nascita (a date cell), telefono (a number), importo. */
  static Path persons(Path file) throws Exception {
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
      Row r3 = s.createRow(3);
      r3.createCell(0).setCellValue("18");
      r3.createCell(1).setCellValue("Ada");
      wb.write(out);
    }
    return file;
  }
}
