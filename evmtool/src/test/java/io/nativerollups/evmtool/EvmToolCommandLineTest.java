package io.nativerollups.evmtool;

import static io.nativerollups.evmtool.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvmToolCommandLineTest {
  /** A fixture whose only Cancun case must be rejected (intrinsic gas too low) and keep the pre-state. */
  private static final Path INVALID_TX = Fixtures.ethereumTests().resolve("GeneralStateTests/stExample/invalidTr.json");

  @TempDir Path tmp;

  private Path file(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void helpWorksOnEveryCommand() {
    CommandRun top = run("--help");
    assertEquals(0, top.status());
    assertTrue(top.out().contains("state-test"), top.out());
    CommandRun sub = run("state-test", "--help");
    assertEquals(0, sub.status());
    assertTrue(sub.out().contains("--fork"), sub.out());
  }

  @Test
  void missingSubcommandIsAUsageError() {
    CommandRun r = run();
    assertEquals(2, r.status());
    assertTrue(r.err().contains("missing subcommand"), r.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("state-test", "--no-such-option", INVALID_TX.toString()).status());
  }

  @Test
  void missingFileIsReportedOnOneLineWithStatus2() {
    CommandRun r = run("state-test", tmp.resolve("absent.json").toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("no such file or directory"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void malformedJsonIsReportedOnOneLineWithStatus2() throws IOException {
    Path bad = file("bad.json", "{\"t\": {\"env\": ");
    CommandRun r = run("state-test", bad.toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("bad.json") && r.err().contains("malformed JSON"), r.err());
  }

  /** Both fixture commands share the runner that reports a bad file and goes on with the next. */
  @ParameterizedTest
  @CsvSource({
    "state-test, GeneralStateTests/stExample/invalidTr.json",
    "block-test, BlockchainTests/ValidBlocks/bcValidBlockTest/SimpleTx.json"
  })
  void aMalformedFileDoesNotStopTheOthers(String command, String goodFixture) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    Files.writeString(dir.resolve("a_bad.json"), "not json");
    Files.copy(Fixtures.ethereumTests().resolve(goodFixture), dir.resolve("b_good.json"));
    CommandRun r = run(command, dir.toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("a_bad.json: malformed JSON"), r.err());
    assertEquals("1 passed, 0 failed", r.out().strip());
  }

  @Test
  void jsonThatIsNotAStateTestIsRejected() throws IOException {
    assertEquals(2, run("state-test", file("array.json", "[1, 2]").toString()).status());
    CommandRun r = run("state-test", file("noenv.json", "{\"t\": {\"pre\": {}}}").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("test t: missing field"), r.err());
  }

  @Test
  void postIndexesOutsideTheTransactionArraysAreRejected() throws IOException {
    String fixture = Files.readString(INVALID_TX).replace("\"data\" : 0", "\"data\" : 7");
    CommandRun r = run("state-test", file("badindex.json", fixture).toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("outside the transaction's arrays"), r.err());
  }

  @Test
  void unknownForkIsAUsageError() {
    CommandRun r = run("state-test", "--fork", "Berlin", INVALID_TX.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown fork 'Berlin'"), r.err());
  }

  @Test
  void badTestRegexIsAUsageError() {
    CommandRun r = run("state-test", "--test", "(", INVALID_TX.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("bad --test regex"), r.err());
  }

  @Test
  void rejectedTransactionKeepingThePreStatePasses() {
    CommandRun r = run("state-test", "--fork", "Cancun", INVALID_TX.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("1 passed, 0 failed", r.out().strip());
  }

  @Test
  void wrongExpectedRootFailsWithOneLineNamingTheCase() throws IOException {
    String fixture = Files.readString(INVALID_TX)
        .replace("0x4c9c6cf002e6a88a5444662ca9ceb6a116b7b69ced38c470bf6e4a12a6313967",
            "0x" + "11".repeat(32));
    Path changed = file("changed.json", fixture);
    CommandRun r = run("state-test", changed.toString());
    assertEquals(1, r.status());
    String[] lines = r.out().strip().split("\n");
    assertEquals(
        "FAIL " + changed + " invalidTr Cancun 0: expected root 0x" + "11".repeat(32)
            + " got 0x4c9c6cf002e6a88a5444662ca9ceb6a116b7b69ced38c470bf6e4a12a6313967",
        lines[0]);
    assertEquals("0 passed, 1 failed", lines[lines.length - 1]);
  }

  @Test
  void testFilterSelectsByName() {
    CommandRun none = run("state-test", "--test", "^nothingLikeThis$", INVALID_TX.toString());
    assertEquals(0, none.status());
    assertEquals("0 passed, 0 failed", none.out().strip());
  }

  @Test
  void testsWithoutTheSelectedForkAreCountedSkipped() {
    CommandRun r = run("state-test", "--fork", "Prague", INVALID_TX.toString());
    assertEquals(0, r.status());
    assertEquals("0 passed, 0 failed, 1 skipped", r.out().strip());
  }

  @Test
  void jsonModePrintsOneObjectPerCaseAndTheSummaryOnStderr() throws IOException {
    CommandRun r = run("state-test", "--json", INVALID_TX.toString());
    assertEquals(0, r.status());
    JsonNode o = new ObjectMapper().readTree(r.out().strip());
    assertEquals("invalidTr", o.get("test").asText());
    assertEquals("Cancun", o.get("fork").asText());
    assertEquals(0, o.get("index").asInt());
    assertTrue(o.get("pass").asBoolean());
    assertEquals("1 passed, 0 failed", r.err().strip());
  }

  @Test
  void directoryArgumentRunsItsFilesInOrder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dir/sub"));
    Files.copy(INVALID_TX, dir.resolve("b.json"));
    Files.copy(INVALID_TX, tmp.resolve("dir/a.json"));
    CommandRun r = run("state-test", "--verbose", "--threads", "2", tmp.resolve("dir").toString());
    assertEquals(0, r.status(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertTrue(lines[0].startsWith("PASS " + tmp.resolve("dir/a.json")), lines[0]);
    assertTrue(lines[1].startsWith("PASS " + dir.resolve("b.json")), lines[1]);
    assertEquals("2 passed, 0 failed", lines[2]);
  }
}
