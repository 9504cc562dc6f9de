package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.precompile.PrecompiledContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** EIP-2537's test vectors (assets/eip-2537/*.json, copied to test resources) as dynamic tests. */
final class Eip2537Vectors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Eip2537Vectors() {}

  /** One vector; for fail- files {@code expected} is null and {@code expectedError} is set. */
  record Vector(String name, byte[] input, byte[] expected, long gas, String expectedError) {}

  /** The vectors of one file under resources/eip-2537. */
  static List<Vector> load(String file) {
    try (InputStream in = Eip2537Vectors.class.getResourceAsStream("/eip-2537/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource eip-2537/" + file);
      }
      List<Vector> vectors = new ArrayList<>();
      for (JsonNode node : JSON.readTree(in)) {
        vectors.add(
            new Vector(
                node.get("Name").asText(),
                HexFormat.of().parseHex(node.get("Input").asText()),
                node.has("Expected")
                    ? HexFormat.of().parseHex(node.get("Expected").asText())
                    : null,
                node.path("Gas").asLong(-1),
                node.path("ExpectedError").asText(null)));
      }
      if (vectors.isEmpty()) {
        throw new IllegalStateException("no vectors in " + file);
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each vector of a success file must give its expected output and cost its gas. */
  static Stream<DynamicTest> succeed(String file, PrecompiledContract contract) {
    return load(file).stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    vector.name(),
                    () -> {
                      byte[] input = vector.input().clone();
                      assertArrayEquals(vector.expected(), contract.compute(input));
                      assertArrayEquals(vector.input(), input, "input must not be modified");
                      assertEquals(vector.gas(), contract.gasRequirement(input), "gas");
                    }));
  }

  /** Each vector of a fail- file must make the call fail (null output). */
  static Stream<DynamicTest> fail(String file, PrecompiledContract contract) {
    return load(file).stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    vector.name() + " (" + vector.expectedError() + ")",
                    () -> {
                      assertFalse(vector.expectedError() == null, "fail vector names its error");
                      assertNull(contract.compute(vector.input()));
                    }));
  }
}
