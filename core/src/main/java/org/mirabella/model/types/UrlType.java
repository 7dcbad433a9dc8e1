package org.mirabella.model.types;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Web addresses: absolute http(s) or ftp URIs, scheme and host lower-cased; bare hosts get https. */
public class UrlType implements PropertyType {
  @Override
  public String name() {
    return "url";
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty URL");
    String v = raw.strip();
    if (!v.contains("://")) v = "https://" + v;
    try {
      URI u = new URI(v);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
        return Cleaned.invalid("unsupported URL scheme: '" + raw.strip() + "'");
      }
      if (u.getHost() == null || !u.getHost().contains(".") && !u.getHost().equals("localhost")) {
        return Cleaned.invalid("URL without a host: '" + raw.strip() + "'");
      }
      URI clean = new URI(scheme, u.getUserInfo(), u.getHost().toLowerCase(Locale.ROOT), u.getPort(),
          u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath(), u.getQuery(), u.getFragment());
      return Cleaned.valid(clean.toASCIIString());
    } catch (URISyntaxException e) {
      return Cleaned.invalid("not a URL: '" + raw.strip() + "'");
    }
  }

  @Override
  public int maxLength() {
    return 4096;
  }
}
