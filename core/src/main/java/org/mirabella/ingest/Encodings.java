package org.mirabella.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * Text encodings of agency exports: UTF-8 with or without a byte-order mark by default, any named
 * charset (Windows-1252, ISO-8859-1, ...), or {@code auto}: a BOM wins, else UTF-8 if the first
 * 64 KiB are valid UTF-8, else Windows-1252. Decoding is strict: a byte sequence that is not valid
 * in the encoding fails the file rather than turning into replacement characters.
 */
final class Encodings {
  static final int SNIFF = 64 * 1024;

  private Encodings() {}

  /** The charset for a mapping's {@code encoding} (null = UTF-8), or InvalidData naming it. */
  static Charset charset(String encoding, String mappingName) {
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("auto")) return StandardCharsets.UTF_8;
    try {
      return Charset.forName(encoding.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidData("Bad mapping", Map.of(mappingName + ": source.encoding",
          "unknown encoding '" + encoding + "' (use utf-8, windows-1252, iso-8859-1 or auto)"));
    }
  }

  /** A strict reader over {@code in}, the BOM skipped; {@code in} must support mark/reset. */
  static Reader reader(BufferedInputStream in, String encoding, String mappingName) throws IOException {
    Charset cs = charset(encoding, mappingName);
    boolean auto = encoding != null && encoding.strip().equalsIgnoreCase("auto");
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    int bom = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      if (auto || cs == StandardCharsets.UTF_8) {
        cs = StandardCharsets.UTF_8;
        bom = 3;
      }
    } else if (auto && head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (auto && head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (auto) {
      cs = validUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }
    in.skipNBytes(bom);
    return new ExactReader(in, cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * A strict decoding reader that hands out every character before an invalid byte sequence and
   * throws only on the read after them, so a reader counting lines knows the line of the bad bytes.
   * (InputStreamReader throws as soon as its 8 KiB chunk holds one, dropping the characters before
   * it: errors were reported hundreds of lines early.)
   */
  static final class ExactReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private CharacterCodingException pending;
    private boolean eof;
    private boolean flushed;

    ExactReader(InputStream in, CharsetDecoder decoder) {
      this.in = in;
      this.decoder = decoder;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) return 0;
      CharBuffer out = CharBuffer.wrap(cbuf, off, len);
      while (true) {
        if (pending != null) {
          if (out.position() > off) return out.position() - off;
          throw pending;
        }
        if (flushed) return out.position() > off ? out.position() - off : -1;
        CoderResult r = decoder.decode(bytes, out, eof);
        if (r.isError()) {
          pending = r.isMalformed() ? new MalformedInputException(r.length()) : new UnmappableCharacterException(r.length());
        } else if (r.isOverflow()) {
          return out.position() - off;
        } else if (eof) {
          if (decoder.flush(out).isOverflow()) return out.position() - off;
          flushed = true;
        } else {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) eof = true;
          else bytes.position(bytes.position() + n);
          bytes.flip();
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Whether the bytes are valid UTF-8, ignoring a sequence cut at the end of the sample. */
  static boolean validUtf8(byte[] head) {
    int end = head.length;
    // Drop an incomplete multi-byte sequence at the end of the sample.
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = head[end - back] & 0xff;
      if ((b & 0xC0) == 0x80) continue;
      int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      if (need > back) end -= back;
      break;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static String describe(String encoding) {
    return encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
  }

  static InputStream buffered(InputStream in) {
    return in instanceof BufferedInputStream ? in : new BufferedInputStream(in, SNIFF * 2);
  }
}
