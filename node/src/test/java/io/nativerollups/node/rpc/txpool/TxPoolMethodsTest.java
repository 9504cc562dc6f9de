package io.nativerollups.node.rpc.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TxPoolMethodsTest {
  private static final Address TO = Address.fromHex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  private static final String SENDER = TestNode.SENDER.toChecksumHexString();
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  /** Sender 1: nonce 0 pending, nonce 2 queued; sender 2: nonce 0 pending. */
  private String[] fill() {
    return new String[] {rpc.sendRaw(TestNode.transfer(0, TO, 1)), rpc.sendRaw(TestNode.transfer(2, TO, 3)),
        rpc.sendRaw(TestNode.eip1559(TestNode.KEY2, 0, TO, 7, 2, 10_000_000_000L, 21_000))};
  }

  @Test
  void contentGroupsBySenderThenNonceAndSplitsAtTheGap() {
    String[] hashes = fill();
    String other = TestNode.eip1559(TestNode.KEY2, 0, TO, 7, 2, 10_000_000_000L, 21_000).sender().toChecksumHexString();
    JsonNode content = rpc.result("txpool_content");
    assertEquals(List.of("pending", "queued"), fieldNames(content));
    assertEquals(List.of(SENDER, other).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
        fieldNames(content.get("pending")));
    JsonNode mine = content.get("pending").get(SENDER);
    assertEquals(List.of("0"), fieldNames(mine));
    assertEquals(hashes[0], mine.get("0").get("hash").asText());
    assertEquals("0x0", mine.get("0").get("nonce").asText());
    assertTrue(mine.get("0").get("blockHash").isNull());
    assertEquals(TestNode.SENDER.toHexString(), mine.get("0").get("from").asText());
    assertEquals(hashes[2], content.get("pending").get(other).get("0").get("hash").asText());
    assertEquals(List.of(SENDER), fieldNames(content.get("queued")));
    assertEquals(hashes[1], content.get("queued").get(SENDER).get("2").get("hash").asText());
    assertEquals("0x2", content.get("queued").get(SENDER).get("2").get("nonce").asText());
  }

  @Test
  void contentFromIsOneSendersByNonce() {
    String[] hashes = fill();
    JsonNode mine = rpc.result("txpool_contentFrom", TestNode.SENDER.toHexString());
    assertEquals(List.of("0"), fieldNames(mine.get("pending")));
    assertEquals(hashes[0], mine.get("pending").get("0").get("hash").asText());
    assertEquals(hashes[1], mine.get("queued").get("2").get("hash").asText());
    assertEquals(mine, rpc.result("txpool_contentFrom", SENDER), "a checksummed address is the same sender");
    JsonNode nobody = rpc.result("txpool_contentFrom", TO.toHexString());
    assertEquals(0, nobody.get("pending").size());
    assertEquals(0, nobody.get("queued").size());
  }

  @Test
  void inspectSummarizesEachTransactionAsGethDoes() {
    fill();
    Transaction create = TransactionSigner.sign(Transaction.builder(TransactionType.EIP1559)
        .chainId(UInt256.valueOf(TestNode.CHAIN_ID)).nonce(1).gasLimit(60_000).to(null).value(UInt256.ZERO)
        .maxPriorityFeePerGas(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(10_000_000_000L))
        .data(new byte[] {0x00}).accessList(List.of()).build(), TestNode.KEY);
    rpc.sendRaw(create);
    JsonNode inspect = rpc.result("txpool_inspect");
    JsonNode mine = inspect.get("pending").get(SENDER);
    assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed: 1 wei + 21000 gas × 10000000000 wei",
        mine.get("0").asText());
    assertEquals("contract creation: 0 wei + 60000 gas × 10000000000 wei", mine.get("1").asText());
    assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed: 3 wei + 21000 gas × 10000000000 wei",
        inspect.get("pending").get(SENDER).get("2").asText(), "the gap filled: nonce 2 is pending now");
    assertEquals(0, inspect.get("queued").size());
    assertEquals(Hex.data(TransactionHasher.hash(create)),
        rpc.result("txpool_content").get("pending").get(SENDER).get("1").get("hash").asText());
  }

  @Test
  void emptyPool() {
    for (String method : List.of("txpool_content", "txpool_inspect")) {
      JsonNode empty = rpc.result(method);
      assertEquals(0, empty.get("pending").size(), method);
      assertEquals(0, empty.get("queued").size(), method);
    }
  }

  @Test
  void badParameters() {
    assertInvalidParams("txpool_content", "too many arguments, want at most 0", 1);
    assertInvalidParams("txpool_inspect", "too many arguments, want at most 0", "0x");
    assertInvalidParams("txpool_contentFrom", "missing value for required argument 0");
    assertInvalidParams("txpool_contentFrom", "too many arguments, want at most 1", TO.toHexString(), 1);
    for (Object bad : List.of("0x1234", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", 5, true, "0xzzaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00", List.of())) {
      JsonNode error = rpc.error("txpool_contentFrom", bad);
      assertEquals(-32602, error.get("code").asInt(), bad::toString);
      assertTrue(error.get("message").asText().startsWith("invalid argument 0: "), error::toString);
    }
  }

  private void assertInvalidParams(String method, String message, Object... params) {
    JsonNode error = rpc.error(method, params);
    assertEquals(-32602, error.get("code").asInt());
    assertEquals(message, error.get("message").asText());
  }

  /** The object's member names in the order they were written. */
  private static List<String> fieldNames(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
