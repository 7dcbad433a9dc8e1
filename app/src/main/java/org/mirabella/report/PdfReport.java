package org.mirabella.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The PDF of a report: its XHTML laid out by openhtmltopdf (PDFBox). Uses DejaVu Sans where the
 * system has it (wider script coverage than the PDF base fonts), else the base fonts.
 */
public final class PdfReport {
  private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu");

  private PdfReport() {}

  /** Writes the PDF of {@code xhtml}; relative image paths resolve against {@code baseDir}. */
  public static void write(String xhtml, Path baseDir, OutputStream out) {
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      for (String dir : FONT_DIRS) {
        File regular = new File(dir, "DejaVuSans.ttf");
        File bold = new File(dir, "DejaVuSans-Bold.ttf");
        if (regular.isFile()) {
          b.useFont(regular, "DejaVu Sans");
          if (bold.isFile()) b.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
          break;
        }
      }
      b.withHtmlContent(xhtml, baseDir == null ? null : baseDir.toAbsolutePath().toUri().toString());
      b.toStream(out);
      b.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
