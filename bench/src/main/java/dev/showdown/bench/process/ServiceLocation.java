package dev.showdown.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where a service module's code is: the arguments after {@code java [flags]} that start its Main. */
public interface ServiceLocation {

  /** {@code -jar <repo>/<module>/target/<module>.jar}, or a {@link MissingServiceException} saying how to build it. */
  List<String> entry(String module) throws MissingServiceException;

  /** Whether {@link #entry} would succeed. */
  boolean has(String module);

  /** Services as built by Maven: one fat jar per module under the repository root. */
  static ServiceLocation jars(Path repoRoot) {
    return new ServiceLocation() {
      @Override
      public List<String> entry(String module) throws MissingServiceException {
        Path jar = jar(module);
        if (!Files.isRegularFile(jar)) {
          throw new MissingServiceException(module, jar);
        }
        return List.of("-jar", jar.toString());
      }

      @Override
      public boolean has(String module) {
        return Files.isRegularFile(jar(module));
      }

      private Path jar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
      }
    };
  }

  /** Services whose classes are on this JVM's class path (tests): {@code -cp <class path> <main class>}. */
  static ServiceLocation classPath(Map<String, String> mainClassByModule) {
    return new ServiceLocation() {
      @Override
      public List<String> entry(String module) throws MissingServiceException {
        String main = mainClassByModule.get(module);
        if (main == null) {
          throw new MissingServiceException(module, Path.of(module));
        }
        return List.of("-cp", System.getProperty("java.class.path"), main);
      }

      @Override
      public boolean has(String module) {
        return mainClassByModule.containsKey(module);
      }
    };
  }

  /** A service jar that is not built; the message names the command that builds it. */
  final class MissingServiceException extends Exception {
    public MissingServiceException(String module, Path jar) {
      super(jar + " is missing: build it with ./mvnw -q -pl " + module + " -am package -DskipTests");
    }
  }
}
