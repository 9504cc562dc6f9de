package io.nativerollups.evmtool.blocktest;

import static io.nativerollups.evmtool.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evmtool.CommandRun;
import io.nativerollups.evmtool.Fixtures;
import io.nativerollups.evmtool.statetest.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evmtool block-test} on variants of a one-block ValidBlocks test (SimpleTx): blocks that
 * must be rejected are put before its valid block, so that import has to reject them for the right
 * reason and then still accept the valid one on the untouched genesis state.
 */
class BlockTestCommandTest {
  private static final Path SIMPLE_TX = Fixtures.ethereumTests().resolve("BlockchainTests/ValidBlocks/bcValidBlockTest/SimpleTx.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private ObjectNode test;
  private String validRlp;

  @BeforeEach
  void loadFixture() throws IOException {
    ObjectNode file = (ObjectNode) JSON.readTree(SIMPLE_TX.toFile());
    test = (ObjectNode) file.elements().next();
    validRlp = test.get("blocks").get(0).get("rlp").asText();
  }

  private Path write() throws IOException {
    Path p = tmp.resolve("case.json");
    ObjectNode file = JSON.createObjectNode();
    file.set("case", test);
    Files.writeString(p, file.toString());
    return p;
  }

  /** The valid block with its header changed. */
  private String tampered(UnaryOperator<BlockHeader.Builder> change) throws Exception {
    Block valid = Block.decode(Hex.bytes(validRlp));
    return Hex.format(Block.of(change.apply(valid.header().toBuilder()).build(), valid.transactions(), valid.withdrawals()).encode());
  }

  private void blocks(String rejectedRlp, String expectException) {
    ArrayNode blocks = JSON.createArrayNode();
    ObjectNode bad = blocks.addObject();
    bad.put("rlp", rejectedRlp);
    if (expectException != null) {
      bad.put("expectException", expectException);
    }
    blocks.addObject().put("rlp", validRlp);
    test.set("blocks", blocks);
  }

  @Test
  void theUnchangedFixturePasses() throws Exception {
    CommandRun r = run("block-test", write().toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
  }

  @Test
  void blockRejectedForTheExpectedReasonPasses() throws Exception {
    blocks(tampered(b -> b.gasUsed(b.build().gasUsed() + 1)), "BlockException.INVALID_GAS_USED");
    CommandRun r = run("block-test", write().toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
  }

  @Test
  void anyOfSeveralExpectedReasonsIsAccepted() throws Exception {
    blocks(tampered(b -> b.stateRoot(new byte[32])), "BlockException.INVALID_GAS_USED|BlockException.INVALID_STATE_ROOT");
    assertEquals(0, run("block-test", write().toString()).status());
  }

  @Test
  void blockRejectedForAnotherReasonFails() throws Exception {
    blocks(tampered(b -> b.timestamp(0)), "BlockException.INVALID_GAS_USED");
    CommandRun r = run("block-test", write().toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("FAIL ") && r.out().contains("rejected for BlockException.INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT"),
        r.out());
    assertTrue(r.out().contains("0 passed, 1 failed"), r.out());
  }

  @Test
  void invalidBlockWithoutExpectExceptionFails() throws Exception {
    blocks(tampered(b -> b.receiptsRoot(new byte[32])), null);
    CommandRun r = run("block-test", write().toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("block 1 rejected: BlockException.INVALID_RECEIPTS_ROOT"), r.out());
  }

  @Test
  void validBlockMarkedInvalidFails() throws Exception {
    blocks(validRlp, "BlockException.INVALID_STATE_ROOT");
    CommandRun r = run("block-test", write().toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("block 1 accepted, expected rejection"), r.out());
  }

  @Test
  void malformedBlockRlpAndUnknownParentAreRejected() throws Exception {
    blocks("0xdeadbeef", "BlockException.RLP_STRUCTURES_ENCODING");
    assertEquals(0, run("block-test", write().toString()).status());
    blocks(tampered(b -> b.parentHash(new byte[32])), "BlockException.UNKNOWN_PARENT");
    assertEquals(0, run("block-test", write().toString()).status());
  }

  @Test
  void wrongPostStateOrHeadFails() throws Exception {
    ObjectNode post = (ObjectNode) test.get("postState");
    ObjectNode account = (ObjectNode) post.elements().next();
    account.put("nonce", "0x63");
    CommandRun r = run("block-test", write().toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("nonce"), r.out());
    loadFixture();
    test.put("lastblockhash", "0x" + "00".repeat(32));
    CommandRun head = run("block-test", write().toString());
    assertEquals(1, head.status());
    assertTrue(head.out().contains("expected lastblockhash"), head.out());
  }

  @Test
  void networksBeforeCancunAreSkipped() throws Exception {
    test.put("network", "ShanghaiToCancunAtTime15k");
    CommandRun r = run("block-test", write().toString());
    assertEquals(0, r.status());
    assertTrue(r.out().contains("0 passed, 0 failed, 1 skipped (networks before Cancun: 1)"), r.out());
  }

  @Test
  void engineFixturesAndHiddenDirectoriesAreLeftOut() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("fixtures"));
    Files.writeString(dir.resolve("engine.json"),
        "{\"e\": {\"network\": \"Prague\", \"engineNewPayloads\": [], \"lastblockhash\": \"0x00\"}}");
    Files.createDirectories(dir.resolve(".meta"));
    Files.writeString(dir.resolve(".meta/index.json"), "[\"not a fixture\"]");
    Files.copy(SIMPLE_TX, dir.resolve("simple.json"));
    CommandRun r = run("block-test", dir.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("1 passed, 0 failed, 1 skipped (engine-API fixtures: 1)"), r.out());
  }

  @Test
  void unknownNetworkFails() throws Exception {
    test.put("network", "Nowhere");
    CommandRun r = run("block-test", write().toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("unknown network fork 'Nowhere'"), r.out());
  }

  @Test
  void unreadableInputIsAUsageError() throws Exception {
    assertEquals(2, run("block-test", tmp.resolve("missing.json").toString()).status());
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"case\": {");
    CommandRun r = run("block-test", broken.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("malformed JSON"), r.err());
    test.remove("genesisRLP");
    CommandRun missing = run("block-test", write().toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("genesisRLP"), missing.err());
  }
}
