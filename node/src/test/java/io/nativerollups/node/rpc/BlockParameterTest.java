package io.nativerollups.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockParameterTest {
  private static JsonNode json(Object value) {
    return JsonRpcProcessor.MAPPER.valueToTree(value);
  }

  @Test
  void readsTagsNumbersAndHashes() {
    assertEquals(new BlockParameter.Named(BlockParameter.Tag.FINALIZED), BlockParameter.numberOrTag(json("finalized")));
    assertEquals(new BlockParameter.Number(16), BlockParameter.numberOrTag(json("0x10")));
    BlockParameter hash = BlockParameter.numberTagOrHash(json("0x" + "ab".repeat(32)));
    assertTrue(hash instanceof BlockParameter.Hash h && !h.requireCanonical() && h.hash()[0] == (byte) 0xab);
  }

  @Test
  void readsEip1898Objects() {
    BlockParameter byHash = BlockParameter.numberTagOrHash(json(Map.of("blockHash", "0x" + "01".repeat(32), "requireCanonical", true)));
    assertTrue(byHash instanceof BlockParameter.Hash h && h.requireCanonical());
    assertEquals(new BlockParameter.Number(2), BlockParameter.numberTagOrHash(json(Map.of("blockNumber", "0x2"))));
  }

  @Test
  void refusesWhatIsNotABlock() {
    assertThrows(IllegalArgumentException.class, () -> BlockParameter.numberOrTag(json("head")));
    assertThrows(IllegalArgumentException.class, () -> BlockParameter.numberOrTag(json(5)));
    assertThrows(IllegalArgumentException.class, () -> BlockParameter.numberOrTag(json("0x" + "ab".repeat(32))));
    assertThrows(IllegalArgumentException.class, () -> BlockParameter.numberTagOrHash(json(Map.of())));
    assertThrows(IllegalArgumentException.class, () -> BlockParameter.numberTagOrHash(
        json(Map.of("blockNumber", "0x2", "requireCanonical", true))));
    assertThrows(IllegalArgumentException.class, () -> BlockParameter.numberTagOrHash(json(Map.of("blockHash", "0x12"))));
  }
}
