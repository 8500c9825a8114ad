package dev.showdown.bench.process;

import dev.showdown.kit.SecretUrls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a {@code --redis URL} that carries a password off a child's command line and gives it to the child as
 * {@code REDIS_URL} instead: a command line is readable by every user of the machine ({@code ps},
 * {@code /proc/PID/cmdline}), an environment only by the child's owner. Every service, peer and bench subcommand
 * that takes {@code --redis} reads {@code REDIS_URL} when the flag is absent. A URL without a secret stays where it is.
 */
record SecretArguments(List<String> command, Map<String, String> environment) {
  static final String REDIS_FLAG = "--redis";
  static final String REDIS_ENV = "REDIS_URL";

  static SecretArguments of(List<String> command) {
    List<String> kept = new ArrayList<>(command.size());
    Map<String, String> environment = new LinkedHashMap<>();
    for (int i = 0; i < command.size(); i++) {
      String arg = command.get(i);
      if (arg.equals(REDIS_FLAG) && i + 1 < command.size() && secret(command.get(i + 1))) {
        environment.put(REDIS_ENV, command.get(++i));
      } else if (arg.startsWith(REDIS_FLAG + "=") && secret(arg.substring(REDIS_FLAG.length() + 1))) {
        environment.put(REDIS_ENV, arg.substring(REDIS_FLAG.length() + 1));
      } else {
        kept.add(arg);
      }
    }
    return new SecretArguments(List.copyOf(kept), Map.copyOf(environment));
  }

  private static boolean secret(String url) {
    return !SecretUrls.masked(url).equals(url);
  }
}
