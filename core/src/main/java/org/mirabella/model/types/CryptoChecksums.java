package org.mirabella.model.types;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Checksums of crypto-currency addresses: Base58Check (Bitcoin, Tron) and Bech32/Bech32m (BIP 173, 350). */
final class CryptoChecksums {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;

  private CryptoChecksums() {}

  /** Whether {@code address} decodes to 21 bytes starting with {@code version} plus a valid 4-byte check. */
  static boolean base58Check(String address, int version) {
    BigInteger n = BigInteger.ZERO;
    for (char c : address.toCharArray()) {
      int d = BASE58.indexOf(c);
      if (d < 0) return false;
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
    }
    byte[] body = n.toByteArray();
    if (body.length > 1 && body[0] == 0) body = Arrays.copyOfRange(body, 1, body.length); // sign byte
    int zeros = 0;
    while (zeros < address.length() && address.charAt(zeros) == '1') zeros++;
    byte[] bytes = new byte[zeros + (n.signum() == 0 ? 0 : body.length)];
    if (n.signum() != 0) System.arraycopy(body, 0, bytes, zeros, body.length);
    if (bytes.length != 25 || (bytes[0] & 0xff) != version) return false;
    byte[] payload = Arrays.copyOfRange(bytes, 0, 21);
    byte[] check = sha256(sha256(payload));
    return Arrays.equals(Arrays.copyOfRange(check, 0, 4), Arrays.copyOfRange(bytes, 21, 25));
  }

  /**
   * Whether a lower-case SegWit address with human-readable part {@code hrp} has a valid checksum:
   * Bech32 for witness version 0, Bech32m for versions 1 to 16 (Taproot).
   */
  static boolean bech32(String address, String hrp) {
    int sep = address.lastIndexOf('1');
    if (sep != hrp.length() || !address.startsWith(hrp) || address.length() - sep - 1 < 7 || address.length() > 90) return false;
    int[] data = new int[address.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      data[i] = BECH32.indexOf(address.charAt(sep + 1 + i));
      if (data[i] < 0) return false;
    }
    int[] values = new int[hrp.length() * 2 + 1 + data.length];
    for (int i = 0; i < hrp.length(); i++) {
      values[i] = hrp.charAt(i) >> 5;
      values[i + hrp.length() + 1] = hrp.charAt(i) & 31;
    }
    System.arraycopy(data, 0, values, hrp.length() * 2 + 1, data.length);
    int witnessVersion = data[0];
    if (witnessVersion > 16) return false;
    return polymod(values) == (witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST);
  }

  private static int polymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) if ((top >>> i & 1) != 0) chk ^= gen[i];
    }
    return chk;
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
