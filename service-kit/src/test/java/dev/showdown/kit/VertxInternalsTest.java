package dev.showdown.kit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the kit reaches past Vert.x's public API: only the connection guards, which swap the request decoder in
 * each HTTP/1.x pipeline (a Vert.x upgrade that renames the decoder or its handler fails ConnectionTimeoutTest's
 * pipeline check and MalformedRequestTest), and nothing from {@code io.vertx.core.internal}, which Vert.x may
 * change in any release.
 */
class VertxInternalsTest {
  /** A Vert.x type's internal name as the constant pool holds it ({@code io/vertx/core/net/impl/ConnectionBase}). */
  private static final Pattern VERTX_TYPE = Pattern.compile("io/vertx/[A-Za-z0-9_/$]+");
  private static final List<String> ALLOWED = List.of("ConnectionGuards.class", "StrictRequestDecoder.class");

  @Test
  void noKitClassUsesVertxInternalPackages() throws Exception {
    assertThat(kitClassesReferring("io/vertx/core/internal/")).isEmpty();
  }

  @Test
  void onlyTheConnectionGuardsUseVertxImplementationClasses() throws Exception {
    assertThat(kitClassesReferring("/impl/")).containsExactlyInAnyOrderElementsOf(ALLOWED);
  }

  /** The kit's compiled classes whose constant pool names a type under {@code fragment}. */
  private static List<String> kitClassesReferring(String fragment) throws Exception {
    Path classes = Path.of(ServiceMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(file -> file.toString().endsWith(".class"))
          .filter(file -> refers(file, fragment))
          .map(file -> file.getFileName().toString())
          .toList();
    }
  }

  private static boolean refers(Path classFile, String fragment) {
    try {
      Matcher types = VERTX_TYPE.matcher(new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1));
      while (types.find()) {
        if (types.group().contains(fragment)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
