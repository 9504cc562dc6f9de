package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The transaction pool of a node that seals no block during the test (dev mode, one block an hour):
 * a sender's balance must cover all its pooled transactions together, what is pooled shows in
 * txpool_content, and the account and EIP-7966 methods answer as stock clients expect.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class TxPoolIT {
  private static final String COINBASE = "0x00000000000000000000000000000000c0ffee00";
  private static final String TO = "0x00000000000000000000000000000000000b0b00";
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger GAS_COST = Transactions.TRANSFER_GAS.multiply(Transactions.MAX_FEE);
  private static NodeProcess node;
  private static NodeClient client;
  private static JsonRpc rpc;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.builder("txpool").inMemory().blockTime(3600).arg("--miner-coinbase", COINBASE).start();
    client = new NodeClient(node);
    rpc = node.rpc();
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  private static byte[] transfer(long nonce, BigInteger value) {
    return Transactions.eip1559(DevAccounts.ALICE, BigInteger.valueOf(nonce), TO, value);
  }

  @Test
  void theLastTransactionTheBalanceCannotCoverWithTheOthersIsRefused() {
    List<String> hashes = new ArrayList<>();
    for (long nonce = 0; nonce < 3; nonce++) {
      hashes.add(client.sendRaw(transfer(nonce, ETHER)));
    }
    BigInteger pooled = GAS_COST.add(ETHER).multiply(BigInteger.valueOf(3));
    BigInteger everythingLeft = DevAccounts.GENESIS_BALANCE.subtract(pooled).subtract(GAS_COST);

    JsonRpc.RpcError refused = client.rejection(transfer(3, everythingLeft.add(BigInteger.ONE)));
    assertEquals(-32000, refused.code());
    String alice = DevAccounts.ALICE.getAddress();
    assertEquals("-32000: insufficient funds for gas * price + value: address " + alice + " have "
        + DevAccounts.GENESIS_BALANCE + " want " + DevAccounts.GENESIS_BALANCE.add(BigInteger.ONE), refused.getMessage());

    JsonNode content = rpc.call("txpool_content");
    String sender = Keys.toChecksumAddress(alice);
    assertEquals(List.of(sender), names(content.get("pending")));
    JsonNode byNonce = content.get("pending").get(sender);
    assertEquals(List.of("0", "1", "2"), names(byNonce));
    for (int nonce = 0; nonce < 3; nonce++) {
      JsonNode tx = byNonce.get(Integer.toString(nonce));
      assertEquals(hashes.get(nonce), tx.get("hash").asText());
      assertEquals(Numeric.toHexStringWithPrefix(ETHER), tx.get("value").asText());
      assertTrue(tx.get("blockHash").isNull());
    }
    assertEquals(0, content.get("queued").size());
    assertEquals(Map.of("pending", "0x3", "queued", "0x0"), JsonRpc.JSON.convertValue(rpc.call("txpool_status"), Map.class));

    String exactlyAffordable = client.sendRaw(transfer(3, everythingLeft));
    JsonNode mine = rpc.call("txpool_contentFrom", alice);
    assertEquals(List.of("0", "1", "2", "3"), names(mine.get("pending")));
    assertEquals(exactlyAffordable, mine.get("pending").get("3").get("hash").asText());
    assertEquals(Keys.toChecksumAddress(TO) + ": 1000000000000000000 wei + 21000 gas × 20000000000 wei",
        rpc.call("txpool_inspect").get("pending").get(sender).get("0").asText());
  }

  @Test
  void sendRawTransactionSyncRefusesANonceGapAndTimesOutWithoutABlock() {
    byte[] gapped = Transactions.eip1559(DevAccounts.BOB, BigInteger.ONE, TO, BigInteger.ONE);
    JsonRpc.RpcError gap = assertThrows(JsonRpc.RpcError.class,
        () -> rpc.call("eth_sendRawTransactionSync", Numeric.toHexString(gapped), 100));
    assertEquals(6, gap.code());
    assertEquals("0x0", gap.data().asText());

    byte[] next = Transactions.eip1559(DevAccounts.BOB, BigInteger.ZERO, TO, BigInteger.ONE);
    JsonRpc.RpcError timeout = assertThrows(JsonRpc.RpcError.class,
        () -> rpc.call("eth_sendRawTransactionSync", Numeric.toHexString(next), 100));
    assertEquals(4, timeout.code());
    JsonNode pooled = rpc.call("txpool_contentFrom", DevAccounts.BOB.getAddress()).get("pending").get("0");
    assertEquals(pooled.get("hash").asText(), timeout.data().asText());
  }

  @Test
  void accountAndMiningQueriesOfStockClients() {
    assertEquals(0, rpc.call("eth_accounts").size());
    assertEquals(COINBASE, rpc.call("eth_coinbase").asText());
    assertTrue(rpc.call("eth_mining").asBoolean());
    assertEquals("0x0", rpc.call("eth_hashrate").asText());
    assertEquals("0x0", rpc.call("eth_getUncleCountByBlockNumber", "latest").asText());
    JsonRpc.RpcError unknown = assertThrows(JsonRpc.RpcError.class, () -> rpc.call("eth_sendTransaction",
        Map.of("from", DevAccounts.CAROL.getAddress(), "to", TO, "value", "0x1")));
    assertEquals(-32000, unknown.code());
    assertTrue(unknown.getMessage().contains("unknown account"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("eth_sendRawTransaction"), unknown.getMessage());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
