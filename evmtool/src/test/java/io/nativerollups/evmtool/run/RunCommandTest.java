package io.nativerollups.evmtool.run;

import static io.nativerollups.evmtool.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evmtool.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  // MSTORE(0, CALLDATALOAD(0) + 1); RETURN(0, 32)
  private static final String ADD_ONE = "600035600101600052" + "60206000f3";

  @TempDir Path tmp;

  private Path file(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void codeRunsWithInputAndPrintsOutputAndGas() {
    CommandRun r = run("run", "--code", ADD_ONE, "--input", "0x" + "00".repeat(31) + "29");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("output: 0x" + "00".repeat(31) + "2a"), r.out());
    // PUSH1 CALLDATALOAD PUSH1 ADD PUSH1 MSTORE(+3 memory) PUSH1 PUSH1 RETURN
    assertTrue(r.out().contains("gas used: 27"), r.out());
  }

  @Test
  void traceWritesAnEip3155LinePerInstructionToStderr() throws Exception {
    CommandRun r = run("run", "--code", "600260030100", "--gas", "100", "--trace");
    assertEquals(0, r.status(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(4, lines.length, r.err());
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree("{\"pc\":4,\"op\":1,\"gas\":\"0x5e\",\"gasCost\":\"0x3\",\"memSize\":0,"
        + "\"stack\":[\"0x2\",\"0x3\"],\"depth\":1,\"refund\":0,\"opName\":\"ADD\"}"), json.readTree(lines[2]));
    assertEquals("STOP", json.readTree(lines[3]).get("opName").asText());
    assertTrue(r.out().contains("gas used: 9"), r.out());
  }

  @Test
  void tracedCallPrintsItsLineBeforeTheCalleesWithTheGasItPassedOn() throws Exception {
    // unless called by itself: CALL(GAS, ADDRESS, 0, 0, 0, 0, 0); STOP
    CommandRun r = run("run", "--code", "303314601457" + "6000".repeat(5) + "305af100" + "5b00",
        "--gas", "100000", "--trace");
    assertEquals(0, r.status(), r.err());
    String[] lines = r.err().strip().split("\n");
    ObjectMapper json = new ObjectMapper();
    int call = -1;
    for (int i = 0; i < lines.length; i++) {
      if (json.readTree(lines[i]).get("opName").asText().equals("CALL")) {
        call = i;
        break;
      }
    }
    assertEquals(12, call, r.err());
    JsonNode callLine = json.readTree(lines[call]);
    long gasBefore = Long.decode(callLine.get("gas").asText());
    long passedOn = (gasBefore - 100) - (gasBefore - 100) / 64; // after the warm access, all but 1/64
    assertEquals(100 + passedOn, Long.decode(callLine.get("gasCost").asText()), "geth counts the gas passed on");
    assertEquals(2, json.readTree(lines[call + 1]).get("depth").asInt(), "the callee's first step follows the CALL");
    assertEquals(1, json.readTree(lines[lines.length - 1]).get("depth").asInt());
  }

  @Test
  void traceAndBenchAreRefusedTogether() {
    CommandRun r = run("run", "--code", "00", "--trace", "--bench");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--trace and --bench"), r.err());
  }

  @Test
  void codeFileAndJsonOutput() throws IOException {
    CommandRun r = run("run", "--codefile", file("code.hex", "0x" + ADD_ONE + "\n").toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"success\":true"), r.out());
    assertTrue(r.out().contains("\"gasUsed\":27"), r.out());
  }

  @Test
  void prestateAllocWithReceiverRunsThatContractAndItsStorage() throws IOException {
    // returns SLOAD(1)
    String alloc = "{\"alloc\": {\"0x00000000000000000000000000000000000000aa\": {\"balance\": \"0x0\","
        + " \"code\": \"0x60015460005260206000f3\", \"storage\": {\"0x01\": \"0x07\"}}}}";
    CommandRun r = run("run", "--prestate", file("genesis.json", alloc).toString(),
        "--receiver", "0x00000000000000000000000000000000000000aa");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("output: 0x" + "00".repeat(31) + "07"), r.out());
  }

  @Test
  void benchPrintsAMedianAndRepeatsOnTheSameState() {
    // SSTORE(0, SLOAD(0) + 1): with the state reverted between runs every run costs the same
    CommandRun r = run("run", "--code", "600054600101600055", "--repeat", "5", "--bench");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("median"), r.out());
    assertTrue(r.out().contains("gas used: 22112"), r.out());
  }

  @Test
  void revertExitsOneAndSaysSo() {
    CommandRun r = run("run", "--code", "60006000fd");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("error: reverted"), r.out());
  }

  @Test
  void badInputsAreOneLineUsageErrors() throws IOException {
    assertBad(run("run", "--code", "60zz"), "--code: not hex");
    assertBad(run("run", "--code", "600"), "odd number of hex digits");
    assertBad(run("run", "--code", "00", "--fork", "London"), "unknown fork");
    assertBad(run("run", "--code", "00", "--gas", "0"), "--gas must be positive");
    assertBad(run("run", "--code", "00", "--receiver", "0x1234"), "--receiver: not an address");
    assertBad(run("run", "--prestate", tmp.resolve("missing.json").toString()), "no such file");
    assertBad(run("run", "--prestate", file("bad.json", "{\"alloc\": {").toString()), "malformed JSON");
    assertBad(run("run", "--prestate", file("empty.json", "{}").toString()), "has no code");
    assertBad(run("run"), "");
    assertBad(run("run", "--code", "00", "--codefile", "x"), "mutually exclusive");
  }

  private static void assertBad(CommandRun r, String message) {
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(message), r.err());
  }
}
