package org.mirabella.model.types;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IP addresses. IPv4 in dotted decimal without leading zeros ({@code 010.1.1.1} is octal to some
 * tools and decimal to others, so it is rejected rather than guessed). IPv6 checked group by group
 * and written in the canonical form of RFC 5952 (lower case, zeros compressed, an IPv4-mapped
 * address as {@code ::ffff:192.0.2.1}), so that the same address written two ways links the same
 * devices.
 */
public class IpType implements PropertyType {
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern GROUP = Pattern.compile("[0-9a-f]{1,4}");

  @Override
  public String name() {
    return "ip";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public boolean pivot() {
    return true;
  }

  @Override
  public int maxLength() {
    return 64;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty ip");
    String v = raw.strip().toLowerCase(Locale.ROOT);
    if (IPV4.matcher(v).matches()) return Cleaned.valid(v);
    if (v.indexOf(':') >= 0) {
      String clean = ipv6(v);
      if (clean != null) return Cleaned.valid(clean);
    }
    return Cleaned.invalid("not an IP address: '" + raw.strip() + "'");
  }

  /** The canonical form of an IPv6 address, or null if it is not one. */
  private static String ipv6(String v) {
    int tail = 0; // groups taken by a trailing IPv4 part
    String hex = v;
    int lastColon = v.lastIndexOf(':');
    if (v.indexOf('.') >= 0) {
      if (!IPV4.matcher(v.substring(lastColon + 1)).matches()) return null;
      hex = v.substring(0, lastColon + 1) + "0:0";
      tail = 2;
    }
    int gap = hex.indexOf("::");
    if (gap >= 0 && hex.indexOf("::", gap + 1) >= 0) return null;
    String[] head = gap < 0 ? hex.split(":", -1) : split(hex.substring(0, gap));
    String[] rest = gap < 0 ? new String[0] : split(hex.substring(gap + 2));
    int present = head.length + rest.length;
    if (gap < 0 ? present != 8 : present > 7) return null;
    int[] groups = new int[8];
    for (int i = 0; i < head.length; i++) {
      if (!GROUP.matcher(head[i]).matches()) return null;
      groups[i] = Integer.parseInt(head[i], 16);
    }
    for (int i = 0; i < rest.length; i++) {
      if (!GROUP.matcher(rest[i]).matches()) return null;
      groups[8 - rest.length + i] = Integer.parseInt(rest[i], 16);
    }
    if (tail > 0) {
      String[] octets = v.substring(lastColon + 1).split("\\.");
      groups[6] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
      groups[7] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
    }
    return canonical(groups);
  }

  private static String[] split(String s) {
    return s.isEmpty() ? new String[0] : s.split(":", -1);
  }

  /** RFC 5952: hex without leading zeros, the longest run of two or more zero groups as {@code ::}. */
  private static String canonical(int[] g) {
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
      return "::ffff:" + (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) j++;
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
