package org.mirabella.ingest;

import java.util.List;
import java.util.Locale;

/** How a source file is read: its format and, for text formats, its conventions. */
public record SourceSpec(Format format, char delimiter, char quote, String encoding, String sheet,
    List<String> dateFormats, boolean decimalComma, int skipRows) {

  /** The formats an import reads. */
  public enum Format {
    CSV, JSONL, XLSX, FTM;

    public static Format parse(String raw) {
      try {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static SourceSpec defaults(Format format) {
    return new SourceSpec(format, ',', '"', null, null, List.of(), false, 0);
  }
}
