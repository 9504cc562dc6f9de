package io.nativerollups.evmtool.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evmtool.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateTestParserTest {
  private static final Path INVALID_TX = Fixtures.ethereumTests().resolve("GeneralStateTests/stExample/invalidTr.json");

  @TempDir Path tmp;

  @Test
  void readsEnvironmentPreStateTransactionAndPost() throws Exception {
    StateTest t = StateTestParser.parse(INVALID_TX).get(0);
    assertEquals("invalidTr", t.name());
    assertEquals(1, t.chainId());
    assertEquals(Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba"), t.env().coinbase());
    assertEquals(1000, t.env().timestamp());
    assertEquals(0xff112233445566L, t.env().gasLimit());
    assertEquals(3, t.pre().size());
    assertEquals(Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b"), t.transaction().sender());
    StateTest.PostState post = t.post().get("Cancun").get(0);
    assertEquals("TransactionException.INTRINSIC_GAS_TOO_LOW", post.expectException());
    assertNull(t.transaction().maxFeePerGas());
  }

  @Test
  void executionSpecTestsConfigChainIdIsUsed() throws Exception {
    String fixture = Files.readString(INVALID_TX).replaceFirst("\"env\"", "\"config\" : {\"chainid\" : \"0x05\"}, \"env\"");
    Path file = tmp.resolve("config.json");
    Files.writeString(file, fixture);
    List<StateTest> tests = StateTestParser.parse(file);
    assertEquals(5, tests.get(0).chainId());
  }

  @Test
  void fieldOfTheWrongKindIsAFormatError() throws Exception {
    String fixture = Files.readString(INVALID_TX).replace("\"currentNumber\" : \"0x01\"", "\"currentNumber\" : [1]");
    Path file = tmp.resolve("wrongkind.json");
    Files.writeString(file, fixture);
    FixtureFormatException e = assertThrows(FixtureFormatException.class, () -> StateTestParser.parse(file));
    assertTrue(e.getMessage().contains("currentNumber"), e.getMessage());
  }
}
