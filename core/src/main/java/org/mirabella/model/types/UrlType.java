package org.mirabella.model.types;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web addresses: absolute http(s) or ftp URLs. Scheme and host are lower-cased, an international
 * host name is IDN-encoded ({@code münchen.de} becomes {@code xn--mnchen-3ya.de}), characters not
 * allowed in a URL (spaces, umlauts) are percent-encoded, and the default port is dropped. Escapes
 * already in the path and query ({@code %2F}, {@code %26}) are kept as they are: decoding them would
 * change the address. A bare host ({@code example.com/x}) gets {@code https://}; any other scheme
 * ({@code mailto:}, {@code javascript:}, {@code file:}) is rejected.
 */
public class UrlType implements PropertyType {
  /** A scheme: letters then {@code :}, but not a host followed by a port ({@code example.com:8080}). */
  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*):(?!\\d)");
  private static final Pattern AUTHORITY = Pattern.compile("//(?:([^@/?#]*)@)?(\\[[0-9a-fA-F:.]+]|[^:/?#\\[\\]]+)(?::(\\d*))?");
  private static final String ALLOWED = "-._~!$&'()*+,;=:@/?#%";

  @Override
  public String name() {
    return "url";
  }

  @Override
  public int maxLength() {
    return 4096;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty URL");
    String v = raw.strip();
    if (v.startsWith("//")) v = "https:" + v;
    Matcher s = SCHEME.matcher(v);
    String scheme;
    if (s.lookingAt()) {
      scheme = s.group(1).toLowerCase(Locale.ROOT);
      v = v.substring(s.end());
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
        return Cleaned.invalid("unsupported URL scheme '" + scheme + "': '" + raw.strip() + "'");
      }
    } else {
      scheme = "https";
      v = "//" + v;
    }
    Matcher a = AUTHORITY.matcher(v);
    if (!a.lookingAt()) return Cleaned.invalid("URL without a host: '" + raw.strip() + "'");
    String userInfo = a.group(1);
    String host;
    try {
      host = a.group(2).startsWith("[") ? a.group(2).toLowerCase(Locale.ROOT) : IDN.toASCII(a.group(2)).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Cleaned.invalid("bad host in URL: '" + raw.strip() + "'");
    }
    if (!host.contains(".") && !host.equals("localhost") && !host.startsWith("[")) {
      return Cleaned.invalid("URL without a host: '" + raw.strip() + "'");
    }
    int port = -1;
    if (a.group(3) != null && !a.group(3).isEmpty()) {
      port = a.group(3).length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(a.group(3));
      if (port < 1 || port > 65535) return Cleaned.invalid("URL port out of range: '" + raw.strip() + "'");
      if (port == defaultPort(scheme)) port = -1;
    }
    String rest = encode(v.substring(a.end()));
    if (!rest.isEmpty() && "/?#".indexOf(rest.charAt(0)) < 0) return Cleaned.invalid("not a URL: '" + raw.strip() + "'");
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (userInfo != null) out.append(encode(userInfo)).append('@');
    out.append(host);
    if (port > 0) out.append(':').append(port);
    if (rest.isEmpty() || rest.charAt(0) != '/') out.append('/');
    out.append(rest);
    try {
      URI u = new URI(out.toString());
      if (u.getHost() == null) return Cleaned.invalid("URL without a host: '" + raw.strip() + "'");
      return Cleaned.valid(u.toASCIIString());
    } catch (URISyntaxException e) {
      return Cleaned.invalid("not a URL: '" + raw.strip() + "' (" + e.getReason() + ")");
    }
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      default -> 21;
    };
  }

  /** Percent-encodes (UTF-8) every character not allowed in a URL; existing escapes stay, in upper case. */
  private static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    String escaped = Pattern.compile("%([0-9A-Fa-f]{2})").matcher(s.replaceAll("%(?![0-9A-Fa-f]{2})", "%25"))
        .replaceAll(m -> "%" + m.group(1).toUpperCase(Locale.ROOT));
    for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
