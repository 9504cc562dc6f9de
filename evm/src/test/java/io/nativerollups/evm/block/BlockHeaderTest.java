package io.nativerollups.evm.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.rlp.EthereumTestsFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void validBlocksDecodeAndReencodeToTheirFixtureHashes() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EthereumTestsFixtures.resolve("BlockchainTests/ValidBlocks"))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int checked = 0;
    for (Path file : files) {
      for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(file.toFile()).fields(); it.hasNext(); ) {
        for (JsonNode b : it.next().getValue().get("blocks")) {
          byte[] rlp = hex(b.get("rlp").asText());
          Block block = Block.decode(rlp);
          assertEquals(b.get("blockHeader").get("hash").asText(), "0x" + HexFormat.of().formatHex(block.header().hash()),
              file + " block " + b.get("blocknumber"));
          assertArrayEquals(rlp, block.encode(), file + ": re-encoding changes the block");
          assertEquals(rlp.length, block.encodedSize());
          checked++;
        }
      }
    }
    assertTrue(checked > 400, "only " + checked + " blocks checked");
  }

  @Test
  void cancunHeaderHasTwentyFieldsAndPragueAddsTheRequestsHash() throws Exception {
    TestChain cancun = new TestChain(Fork.CANCUN, w -> {});
    assertEquals(20, cancun.head.fieldCount());
    assertNull(cancun.head.requestsHash());
    BlockHeader prague = new TestChain(Fork.PRAGUE, w -> {}).head;
    assertEquals(21, prague.fieldCount());
    BlockHeader decoded = BlockHeader.decode(prague.encode());
    assertArrayEquals(prague.requestsHash(), decoded.requestsHash());
    assertArrayEquals(prague.hash(), decoded.hash());
  }

  @Test
  void headerWithWrongFieldCountIsRejected() throws Exception {
    List<byte[]> fields = fields(new TestChain(Fork.CANCUN, w -> {}).head);
    List<byte[]> tooMany = new ArrayList<>(fields);
    tooMany.add(Rlp.encodeBytes(new byte[32]));
    tooMany.add(Rlp.encodeBytes(new byte[32]));
    assertThrows(RlpException.class, () -> BlockHeader.decode(Rlp.encodeList(tooMany)));
    assertThrows(RlpException.class, () -> BlockHeader.decode(Rlp.encodeList(fields.subList(0, 14))));
  }

  @Test
  void headerFieldsOfTheWrongShapeAreRejected() throws Exception {
    List<byte[]> fields = fields(new TestChain(Fork.CANCUN, w -> {}).head);
    assertThrows(RlpException.class, () -> BlockHeader.decode(with(fields, 6, Rlp.encodeBytes(new byte[255]))), "bloom");
    assertThrows(RlpException.class, () -> BlockHeader.decode(with(fields, 2, Rlp.encodeBytes(new byte[19]))), "coinbase");
    assertThrows(RlpException.class, () -> BlockHeader.decode(with(fields, 0, Rlp.encodeBytes(new byte[31]))), "parent hash");
    assertThrows(RlpException.class, () -> BlockHeader.decode(with(fields, 8, Rlp.encodeBytes(new byte[] {0, 1}))),
        "number with a leading zero");
    assertThrows(RlpException.class, () -> BlockHeader.decode(with(fields, 9, Rlp.encodeBytes(new byte[9]))),
        "gas limit over 64 bits");
    assertThrows(RlpException.class, () -> BlockHeader.decode(with(fields, 14, Rlp.encodeBytes(new byte[7]))), "nonce");
    assertThrows(RlpException.class, () -> BlockHeader.decode(Rlp.encodeBytes(new byte[3])), "not a list");
  }

  @Test
  void encodingAHeaderWithAGapInItsOptionalFieldsFails() throws Exception {
    BlockHeader gap = new TestChain(Fork.PRAGUE, w -> {}).head.toBuilder().parentBeaconBlockRoot(null).build();
    assertThrows(IllegalStateException.class, gap::encode);
  }

  private static List<byte[]> fields(BlockHeader header) {
    List<byte[]> out = new ArrayList<>();
    for (RlpItem item : Rlp.decode(header.encode()).items()) {
      out.add(item.encoded());
    }
    return out;
  }

  private static byte[] with(List<byte[]> fields, int index, byte[] replacement) {
    List<byte[]> copy = new ArrayList<>(fields);
    copy.set(index, replacement);
    return Rlp.encodeList(copy);
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.substring(2));
  }
}
