package org.mirabella.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.mirabella.http.Problem;

/**
 * Errors Jetty answers itself, before a request reaches the application (an ambiguous or
 * malformed URI, headers too large, a bad request line), in the same Problem JSON as every other
 * error instead of Jetty's HTML page. Found by ApiFuzzTest: {@code /api/cases/..%2F..%2Fetc} got
 * an HTML 400. Never echoes the request: the detail is the status reason only.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ProblemErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  static byte[] body(int status) {
    String reason = HttpStatus.getMessage(status);
    try {
      return JSON.writeValueAsBytes(Problem.of(status, reason == null ? "Error" : reason,
          "The request was refused before it reached the application (" + status + " " + reason + ").", Map.of()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code,
      String message) throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(body(code));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    return ByteBuffer.wrap(body(status));
  }
}
