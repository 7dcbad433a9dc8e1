package org.mirabella.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutator of inputs for bounded fuzzing in CI. Hand-written rather than Jazzer or jqwik:
 * the run must be short, reproducible from one seed printed on failure, and need no agent or extra
 * test engine; the operators below aim at what breaks parsers and stores (truncation, byte noise,
 * duplicated and dropped chunks, oversized values, deep nesting, foreign encodings, control
 * characters, injection strings) rather than at coverage guidance.
 */
final class Mutator {
  static final List<String> HOSTILE = List.of("'; DROP TABLE statement;--", "\" OR 1=1 --", "<script>alert(1)</script>",
      "=cmd|' /C calc'!A0", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "../../../../etc/passwd", "\u0000", "\uFEFF", "\uD800",
      "\u202Eevil", "%s%s%n", "NaN", "-1e309", "9".repeat(400), "محمد عبد الرحمن", "\r\n\r\n", "\\", "\"", ";;;;", ",,,,");

  private final Random rnd;

  Mutator(long seed) {
    this.rnd = new Random(seed);
  }

  Random random() {
    return rnd;
  }

  /** One to three mutations of {@code in}. */
  byte[] mutate(byte[] in) {
    byte[] out = in;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) out = once(out);
    return out;
  }

  private byte[] once(byte[] in) {
    if (in.length == 0) return HOSTILE.get(rnd.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8);
    return switch (rnd.nextInt(11)) {
      case 0 -> Arrays.copyOf(in, rnd.nextInt(in.length)); // truncated
      case 1 -> { // random bytes flipped
        byte[] b = in.clone();
        for (int k = 0, m = 1 + rnd.nextInt(8); k < m; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        yield b;
      }
      case 2 -> insert(in, HOSTILE.get(rnd.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8));
      case 3 -> insert(in, "x".repeat(10_000 + rnd.nextInt(100_000)).getBytes(StandardCharsets.UTF_8)); // oversized value
      case 4 -> insert(in, ("[".repeat(5_000 + rnd.nextInt(50_000))).getBytes(StandardCharsets.UTF_8)); // deep nesting
      case 5 -> insert(in, ("{\"a\":".repeat(2_000 + rnd.nextInt(20_000))).getBytes(StandardCharsets.UTF_8));
      case 6 -> new String(in, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16); // wrong encoding
      case 7 -> new String(in, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8); // double-encoded
      case 8 -> { // a chunk duplicated
        int from = rnd.nextInt(in.length);
        int len = Math.min(in.length - from, 1 + rnd.nextInt(200));
        yield insert(in, Arrays.copyOfRange(in, from, from + len));
      }
      case 9 -> { // a chunk dropped
        int from = rnd.nextInt(in.length);
        int len = Math.min(in.length - from, 1 + rnd.nextInt(200));
        byte[] b = new byte[in.length - len];
        System.arraycopy(in, 0, b, 0, from);
        System.arraycopy(in, from + len, b, from, in.length - from - len);
        yield b;
      }
      default -> insert(in, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80}); // invalid UTF-8
    };
  }

  private byte[] insert(byte[] in, byte[] what) {
    int at = rnd.nextInt(in.length + 1);
    byte[] b = new byte[in.length + what.length];
    System.arraycopy(in, 0, b, 0, at);
    System.arraycopy(what, 0, b, at, what.length);
    System.arraycopy(in, at, b, at + what.length, in.length - at);
    return b;
  }

  /** A random JSON-ish value: valid JSON of random shape, or broken text. */
  String jsonBody() {
    return switch (rnd.nextInt(8)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[".repeat(10_000);
      case 3 -> "{\"reason\":\"" + "x".repeat(100_000) + "\"}";
      case 4 -> "{\"judgement\":" + rnd.nextInt() + ",\"reason\":null,\"name\":[{}],\"properties\":{\"name\":[1,2]}}";
      case 5 -> "\"" + HOSTILE.get(rnd.nextInt(HOSTILE.size())).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case 6 -> "{\"" + HOSTILE.get(rnd.nextInt(HOSTILE.size())).replace("\\", "").replace("\"", "") + "\":\"" + "{}".repeat(50) + "\"}";
      default -> new String(mutate("{\"user\":\"it.analyst\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ada\"]},\"judgement\":\"confirmed\",\"reason\":\"r\"}"
          .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    };
  }

  /** A random value for a path or query parameter. */
  String param() {
    return switch (rnd.nextInt(6)) {
      case 0 -> HOSTILE.get(rnd.nextInt(HOSTILE.size()));
      case 1 -> String.valueOf(rnd.nextLong());
      case 2 -> "x".repeat(1 + rnd.nextInt(5_000));
      case 3 -> "";
      case 4 -> "-1";
      default -> "it-sco-0001";
    };
  }
}
