package org.mirabella.ingest;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.http.ServerContext;
import org.mirabella.model.InvalidData;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;

/**
 * {@code POST /api/imports}: the same import as the CLI, from a multipart upload (one or more
 * {@code file} parts, an optional {@code mapping} part; without it the files are FtM JSON lines).
 * The owning agency and recording user are the signed-in viewer's (analysts and investigators);
 * the import is audited, then cross-matched and indexed. Answers the summary: 200
 * when imported, 422 when rows were rejected and {@code acceptRejects} was not given (nothing
 * written), 400 for a bad file or mapping.
 */
public final class ImportRoutes implements Routes {
  private final ServerContext context;
  private final ImportFollower follower;

  /** {@code follower}: told of each upload's run, which is indexed here as it lands. */
  public ImportRoutes(ServerContext context, ImportFollower follower) {
    this.context = context;
    this.follower = follower;
  }

  @Override
  public void register(Api api) {
    api.post("/api/imports", this::importUpload);
  }

  private void importUpload(Context ctx) throws IOException {
    // The owning agency and the recording user are the signed-in viewer's, never a form field's.
    org.mirabella.access.Viewer viewer = org.mirabella.access.Viewers.requireRole(ctx, org.mirabella.access.Role.ANALYST,
        org.mirabella.access.Role.INVESTIGATOR);
    String agency = viewer.agency();
    requireForm(ctx);
    String caseRef = ctx.formParam("case");
    if (agency == null || agency.isBlank()) throw new InvalidData("Bad import request", Map.of("agency", "required"));
    if (caseRef == null || caseRef.isBlank()) throw new InvalidData("Bad import request", Map.of("case", "required"));
    List<UploadedFile> uploads = ctx.uploadedFiles("file");
    if (uploads.isEmpty()) throw new InvalidData("Bad import request", Map.of("file", "upload at least one file"));
    UploadedFile mappingUpload = ctx.uploadedFile("mapping");
    String user = viewer.user();
    java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ImportSettings settings = new ImportSettings(agency.strip().toUpperCase(java.util.Locale.ROOT), caseRef.strip(),
        HandlingCode.parse(ctx.formParam("handling")), ctx.formParam("handlingCondition"), Grading.parse(ctx.formParam("grade")),
        user, at);
    Path dir = Files.createTempDirectory("mirabella-import");
    try {
      Mapping mapping;
      if (mappingUpload == null) {
        mapping = Mapping.ftm("ftm");
      } else {
        try (InputStream in = mappingUpload.content()) {
          mapping = MappingLoader.load(in, safeName(mappingUpload.filename()), context.model());
        }
      }
      List<InputFile> files = new ArrayList<>();
      int i = 0;
      for (UploadedFile u : uploads) {
        Path p = dir.resolve((i++) + "-" + safeName(u.filename()));
        try (InputStream in = u.content()) {
          Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        files.add(new InputFile(p, safeName(u.filename())));
      }
      ImportResult r = new ImportService(context.entities(), context.model())
          .run(files, mapping, settings, "true".equalsIgnoreCase(ctx.formParam("acceptRejects")), x -> {}, Ingestor.Progress.NONE);
      if (r.committed()) {
        new org.mirabella.audit.JdbcAuditLog(context.db()).record(r.auditEvent(user));
        var x = org.mirabella.xref.AfterImport.run(context.db(), context.entities(), context.search(), agency, caseRef.strip(), at);
        follower.indexed(r.run());
        var body = new java.util.LinkedHashMap<String, Object>(r.toMap());
        body.put("crossMatch", Map.of("entities", x.entities(), "scored", x.scored(), "hits", x.hits()));
        ctx.status(200).json(body);
      } else {
        ctx.status(422).json(r.toMap());
      }
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Parses the form once, up front: a body that is no multipart form (no boundary, a truncated or
   * garbled part) makes Jetty's parser throw an IOException, which is the caller's mistake, a 400.
   */
  private static void requireForm(Context ctx) {
    try {
      ctx.formParamMap();
    } catch (Exception e) {
      if (!(e instanceof IOException)) throw e;
      throw new InvalidData("Bad import request", Map.of("body", "not a multipart/form-data upload with its boundary and parts"));
    }
  }

  private static String safeName(String name) {
    String n = name == null || name.isBlank() ? "upload" : Path.of(name).getFileName().toString();
    return n.replaceAll("[^\\p{L}\\p{N}._-]", "_");
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
