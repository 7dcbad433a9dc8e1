package org.mirabella.analysis.io;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Shared StAX plumbing for the XML exporters: the JDK's writer escapes markup; this also drops what XML 1.0 forbids. */
final class Xml {
  private Xml() {}

  static XMLStreamWriter open(OutputStream out) {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      return w;
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  /**
   * {@code s} with characters that XML 1.0 cannot carry even escaped (control characters other
   * than tab, newline and carriage return; unpaired surrogates; U+FFFE, U+FFFF) replaced by
   * U+FFFD, so a stray byte in a record cannot make the whole export unreadable.
   */
  static String text(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (sb != null) sb.append(c).append(s.charAt(i + 1));
          i++;
          continue;
        }
      } else {
        ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && sb == null) sb = new StringBuilder(s.substring(0, i));
      if (sb != null) sb.append(ok ? c : '\uFFFD');
    }
    return sb == null ? s : sb.toString();
  }

  static void attr(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeAttribute(name, text(value));
  }

  /** Shortest decimal that reads back as the same double; integers without ".0". */
  static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
