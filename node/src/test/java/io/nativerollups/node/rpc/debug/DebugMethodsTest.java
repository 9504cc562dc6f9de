package io.nativerollups.node.rpc.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.witness.ExecutionWitness;
import io.nativerollups.evm.witness.StatelessExecutor;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.eth.Contracts;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebugMethodsTest {
  private RpcHarness rpc;
  private Block block;
  private Transaction tx;

  @BeforeEach
  void start() throws Exception {
    rpc = new RpcHarness();
    tx = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.result("eth_sendRawTransaction", Hex.data(TransactionEncoder.encode(tx)));
    block = rpc.node.seal();
  }

  @AfterEach
  void stop() {
    rpc.close();
  }

  @Test
  void rawHeaderBlockReceiptsAndTransactionAreTheConsensusEncodings() {
    assertEquals(Hex.data(block.header().encode()), rpc.result("debug_getRawHeader", "0x1").asText());
    byte[] raw = Hex.parseData(rpc.result("debug_getRawBlock", "latest").asText());
    assertArrayEquals(block.header().hash(), BlockHeader.decode(
        io.nativerollups.evm.rlp.Rlp.decode(raw).items().get(0).encoded()).hash());
    JsonNode receipts = rpc.result("debug_getRawReceipts", Hex.data(block.header().hash()));
    assertEquals(1, receipts.size());
    assertEquals(Hex.data(rpc.node.chain.receipts(block.header().hash()).get(0).encode()), receipts.get(0).asText());
    assertEquals(Hex.data(TransactionEncoder.encode(tx)),
        rpc.result("debug_getRawTransaction", Hex.data(TransactionHasher.hash(tx))).asText());
    assertTrue(rpc.result("debug_getRawTransaction", "0x" + "00".repeat(32)).isNull());
    assertEquals(-32000, rpc.error("debug_getRawBlock", "0x7").get("code").asInt());
    assertEquals(-32602, rpc.error("debug_getRawHeader").get("code").asInt());
  }

  @Test
  void executionWitnessLetsTheBlockRunStatelessly() throws Exception {
    rpc.result("eth_sendRawTransaction", Hex.data(TransactionEncoder.encode(TestNode.transfer(1,
        Address.fromHex("0x00000000000000000000000000000000000a11ce"), 9))));
    Block second = rpc.node.seal();
    JsonNode json = rpc.result("debug_executionWitness", "latest");
    ExecutionWitness witness = new ExecutionWitness(hexes(json.get("state")), hexes(json.get("codes")),
        hexes(json.get("headers")));
    assertArrayEquals(block.header().encode(), witness.headers().get(0), "the parent header comes first");
    StatelessExecutor.Result result = new StatelessExecutor(rpc.node.chain.blockProcessor()).execute(second, witness);
    assertArrayEquals(second.header().stateRoot(), result.stateRoot());
    assertEquals(-32000, rpc.error("debug_executionWitness", "earliest").get("code").asInt());
  }

  private static List<byte[]> hexes(JsonNode list) {
    List<byte[]> out = new ArrayList<>();
    list.forEach(n -> out.add(Hex.parseData(n.asText())));
    return out;
  }
}
