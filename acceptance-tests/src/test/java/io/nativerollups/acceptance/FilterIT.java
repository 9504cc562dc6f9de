package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivex.disposables.Disposable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Polling filters over HTTP, the way web3j's {@code ethLogFlowable} and {@code blockFlowable}
 * use them (eth_newFilter / eth_newBlockFilter, eth_getFilterLogs, eth_getFilterChanges,
 * eth_uninstallFilter on dispose), and eth_uninstallFilter called directly.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class FilterIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long POLLING_MILLIS = 100;
  private static NodeProcess node;
  private static NodeClient client;
  private static ScheduledExecutorService pollers;
  private static Web3j polling;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.builder("filters").inMemory().start();
    client = new NodeClient(node);
    pollers = Executors.newScheduledThreadPool(2);
    polling = Web3j.build(new HttpService(node.httpUrl()), POLLING_MILLIS, pollers);
  }

  @AfterAll
  static void stopNode() {
    if (polling != null) {
      polling.shutdown();
    }
    NodeProcess.shutDown(client, node);
  }

  @Test
  void ethLogFlowableDeliversPastAndNewEventsOfADeployedContract() throws Exception {
    Credentials from = DevAccounts.BOB;
    String contract = KeyValueStore.deploy(client, from);
    TransactionReceipt past = KeyValueStore.set(client, from, contract, 1, 2);
    EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract)
        .addSingleTopic(KeyValueStore.VALUE_SET_TOPIC);

    BlockingQueue<Log> logs = new LinkedBlockingQueue<>();
    Disposable subscription = polling.ethLogFlowable(filter).subscribe(logs::add);
    try {
      Log first = Await.next(logs, TIMEOUT, "the past event, from eth_getFilterLogs");
      assertEquals(past.getTransactionHash(), first.getTransactionHash());

      TransactionReceipt fresh = KeyValueStore.set(client, from, contract, 2, 3);
      // A filter installed between the past block becoming canonical and the filters hearing of it
      // also collects that block's event: the one duplicate the protocol allows here.
      Log second = Await.nextMatching(logs, log -> !log.getTransactionHash().equals(past.getTransactionHash()),
          TIMEOUT, "the new event, from eth_getFilterChanges");
      assertEquals(fresh.getTransactionHash(), second.getTransactionHash());
      assertEquals(fresh.getBlockHash(), second.getBlockHash());
      assertEquals(fresh.getBlockNumber(), second.getBlockNumber());
      assertEquals(contract, second.getAddress());
      assertFalse(second.isRemoved());
      assertEquals(List.of(KeyValueStore.VALUE_SET_TOPIC, fresh.getLogs().get(0).getTopics().get(1),
          Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(2), 64)), second.getTopics());
      assertEquals(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(3), 64), second.getData());

      TransactionReceipt third = KeyValueStore.set(client, from, contract, 3, 4);
      assertEquals(third.getTransactionHash(), Await.next(logs, TIMEOUT, "the third event").getTransactionHash(),
          "no event delivered twice");
    } finally {
      subscription.dispose();
    }
  }

  @Test
  void blockFlowableDeliversEachNewBlock() throws Exception {
    BlockingQueue<EthBlock> blocks = new LinkedBlockingQueue<>();
    Disposable subscription = polling.blockFlowable(false).subscribe(blocks::add);
    try {
      TransactionReceipt first = client.transferOneWei(DevAccounts.ALICE);
      TransactionReceipt second = client.transferOneWei(DevAccounts.ALICE);
      EthBlock.Block a = awaitBlock(blocks, first.getBlockHash());
      assertEquals(first.getBlockNumber(), a.getNumber());
      EthBlock.Block b = awaitBlock(blocks, second.getBlockHash());
      assertEquals(second.getBlockNumber(), b.getNumber());
      assertEquals(a.getHash(), b.getParentHash(), "dev mode seals a block per transaction, in order");
    } finally {
      subscription.dispose();
    }
  }

  @Test
  void uninstalledFiltersAreGone() {
    BigInteger id = client.send(client.web3j().ethNewBlockFilter()).getFilterId();
    TransactionReceipt mined = client.transferOneWei(DevAccounts.DAVE);
    // The receipt is served as soon as the block is canonical, a moment before filters hear of it.
    Await.until("the transfer's block in the filter's changes", TIMEOUT, () -> client.send(
        client.web3j().ethGetFilterChanges(id)).getLogs().stream()
        .filter(hash -> hash.get().equals(mined.getBlockHash())).findFirst());

    assertTrue(client.send(client.web3j().ethUninstallFilter(id)).isUninstalled());
    assertFalse(client.send(client.web3j().ethUninstallFilter(id)).isUninstalled(), "already gone");
    EthLog gone = send(client.web3j().ethGetFilterChanges(id));
    assertTrue(gone.hasError(), "a poll after uninstalling fails");
    assertEquals(-32000, gone.getError().getCode());
    assertEquals("filter not found", gone.getError().getMessage());
  }

  /** The answer to {@code request}, an error answer included. */
  private static EthLog send(Request<?, EthLog> request) {
    try {
      return request.send();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes blocks until the one with {@code hash} (blocks of other tests may come first). */
  private static EthBlock.Block awaitBlock(BlockingQueue<EthBlock> blocks, String hash) throws InterruptedException {
    return Await.nextMatching(blocks, b -> b.getBlock().getHash().equals(hash), TIMEOUT, "block " + hash).getBlock();
  }
}
