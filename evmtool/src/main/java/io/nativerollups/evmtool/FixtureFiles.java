package io.nativerollups.evmtool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evmtool.statetest.FixtureFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Finding fixture files and reading their top level, the same for every kind of fixture. */
public final class FixtureFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FixtureFiles() {}

  /**
   * The fixture files named by the arguments: files as given, directories searched recursively for
   * {@code *.json}, in sorted order.
   *
   * @throws NoSuchFileException when an argument does not exist
   */
  public static List<Path> find(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new NoSuchFileException(p.toString(), null, "no such file or directory");
      }
    }
    return files;
  }

  /**
   * Reads a fixture file, a JSON object of named tests, and parses each test in file order.
   *
   * @param kind what the file should be, for the message when it is not an object (e.g. {@code state-test})
   * @param parseTest parses one named test, a JSON object; a {@link RuntimeException} it throws is reported as a
   *     format error of that test
   */
  public static <T> List<T> parseTests(Path file, String kind, BiFunction<String, JsonNode, T> parseTest)
      throws IOException, FixtureFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new FixtureFormatException("malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new FixtureFormatException("not a " + kind + " file: the top level must be an object of named tests");
    }
    List<T> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        if (!e.getValue().isObject()) {
          throw new IllegalArgumentException("not an object");
        }
        tests.add(parseTest.apply(e.getKey(), e.getValue()));
      } catch (RuntimeException ex) {
        throw new FixtureFormatException("test " + e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
    return tests;
  }
}
