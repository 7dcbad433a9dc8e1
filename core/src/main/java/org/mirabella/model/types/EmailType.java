package org.mirabella.model.types;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: trimmed, {@code mailto:} and a display name ({@code Name <a@b.de>}) removed,
 * domain lower-cased and IDN-encoded, a trailing dot on the domain dropped. The local part keeps
 * its case (it is the mail server's business) but may not start or end with a dot or hold two in
 * a row (RFC 5322 dot-atom); quoted local parts are not accepted.
 */
public class EmailType implements PropertyType {
  private static final Pattern LOCAL = Pattern.compile("[^\\s@\"(),:;<>\\[\\\\\\]]{1,64}");
  private static final Pattern NAMED = Pattern.compile("[^<>]*<([^<>]+)>\\s*");
  private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");

  @Override
  public String name() {
    return "email";
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
    return 250;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty e-mail address");
    String v = raw.strip();
    if (v.regionMatches(true, 0, "mailto:", 0, 7)) v = v.substring(7).strip();
    Matcher named = NAMED.matcher(v);
    if (named.matches()) v = named.group(1).strip();
    if (v.endsWith(".")) v = v.substring(0, v.length() - 1);
    int at = v.lastIndexOf('@');
    if (at <= 0 || at == v.length() - 1) return Cleaned.invalid("not an e-mail address: '" + raw.strip() + "'");
    String local = v.substring(0, at);
    String domain;
    try {
      domain = IDN.toASCII(v.substring(at + 1).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Cleaned.invalid("bad e-mail domain: '" + raw.strip() + "'");
    }
    if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
        || !DOMAIN.matcher(domain).matches()) {
      return Cleaned.invalid("not an e-mail address: '" + raw.strip() + "'");
    }
    return Cleaned.valid(local + "@" + domain);
  }

  @Override
  public double compare(String left, String right) {
    return left.equalsIgnoreCase(right) ? 1.0 : 0.0;
  }
}
