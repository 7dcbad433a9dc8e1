package org.mirabella.model;

import java.util.Map;

/**
 * An {@link InvalidData} about who asks rather than what: the step is another agency's to take (the
 * lead's plan, another agency's task or outcome). Same structure, rendered once per adapter: the
 * HTTP API answers 403 instead of 400, the CLI exits 2 as for any bad input.
 */
public final class NotPermitted extends InvalidData {
  public NotPermitted(String title, Map<String, String> errors) {
    super(title, errors);
  }
}
