package org.mirabella.analysis.io;

import java.util.Locale;

/** Edge-list file formats read by {@link EdgeListReader}. */
public enum EdgeListFormat {
  /** Whitespace-separated {@code u v [w]}, one edge a line, no header; {@code #} starts a comment. */
  SSV,
  /** Comma-separated with header {@code source,target[,weight]}; RFC 4180 quoting. */
  CSV;

  /** Parses {@code ssv} or {@code csv}, case-insensitive. */
  public static EdgeListFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown edge-list format '" + name + "' (expected ssv or csv)");
    }
  }
}
