package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivex.disposables.Disposable;
import java.math.BigInteger;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.Log;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHead;
import org.web3j.protocol.websocket.events.NewHeadsNotification;
import org.web3j.utils.Numeric;

/** {@code eth_subscribe} over WebSocket: new heads and logs arrive as they are mined. */
@ExtendWith(PrintNodeLogsOnFailure.class)
class SubscriptionIT {
  private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(30);
  private static NodeProcess node;
  private static NodeClient client;
  private WebSocketService socket;
  private Web3j ws;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.builder("subscriptions").inMemory().start();
    client = new NodeClient(node);
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  @BeforeEach
  void connect() throws ConnectException {
    socket = new WebSocketService(node.wsUrl(), false);
    socket.connect();
    ws = Web3j.build(socket);
  }

  @AfterEach
  void disconnect() {
    ws.shutdown();
  }

  @Test
  void plainCallsWorkOverTheSocket() throws Exception {
    assertEquals(BigInteger.valueOf(DevAccounts.CHAIN_ID), ws.ethChainId().send().getChainId());
  }

  @Test
  void newHeadsAreNotifiedForEachMinedBlock() throws Exception {
    BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
    Disposable subscription = ws.newHeadsNotifications().subscribe(heads::add);
    try {
      awaitActive("newHeads", heads, () -> client.transferOneWei(DevAccounts.ALICE));
      TransactionReceipt first = client.transferOneWei(DevAccounts.ALICE);
      TransactionReceipt second = client.transferOneWei(DevAccounts.ALICE);

      for (TransactionReceipt mined : List.of(first, second)) {
        NewHead head = awaitHead(heads, mined.getBlockHash());
        assertEquals(mined.getBlockNumber(), Numeric.decodeQuantity(head.getNumber()));
        assertEquals(client.block(mined.getBlockNumber().longValueExact()).getStateRoot(), head.getStateRoot());
      }
    } finally {
      subscription.dispose();
    }
  }

  @Test
  void logsAreNotifiedForMatchingContractEvents() throws Exception {
    Credentials from = DevAccounts.BOB;
    String contract = KeyValueStore.deploy(client, from);

    BlockingQueue<LogNotification> logs = new LinkedBlockingQueue<>();
    BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
    Disposable logSubscription = ws.logsNotifications(List.of(contract), List.of(KeyValueStore.VALUE_SET_TOPIC))
        .subscribe(logs::add);
    Disposable headSubscription = ws.newHeadsNotifications().subscribe(heads::add);
    try {
      Set<String> primers = new HashSet<>();
      awaitActive("logs", logs,
          () -> primers.add(KeyValueStore.set(client, from, contract, 1, 2).getTransactionHash()));
      awaitActive("newHeads", heads, () -> client.transferOneWei(DevAccounts.CAROL));

      TransactionReceipt write = KeyValueStore.set(client, from, contract, 11, 12);
      Log log = Await.nextMatching(logs, n -> !primers.contains(n.getParams().getResult().getTransactionHash()),
          NOTIFICATION_TIMEOUT, "log of " + write.getTransactionHash()).getParams().getResult();
      assertEquals(contract, log.getAddress());
      assertEquals(write.getTransactionHash(), log.getTransactionHash());
      assertEquals(write.getBlockHash(), log.getBlockHash());
      assertEquals(List.of(KeyValueStore.VALUE_SET_TOPIC, write.getLogs().get(0).getTopics().get(1),
          Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(11), 64)), log.getTopics());

      // A later block without a matching log: once its head is notified, no other log may have come.
      TransactionReceipt transfer = client.transferOneWei(DevAccounts.CAROL);
      awaitHead(heads, transfer.getBlockHash());
      List<Log> others = new ArrayList<>();
      logs.forEach(n -> others.add(n.getParams().getResult()));
      others.removeIf(other -> primers.contains(other.getTransactionHash()));
      assertEquals(List.of(), others, "no log besides the write's");
    } finally {
      logSubscription.dispose();
      headSubscription.dispose();
    }
  }

  /**
   * web3j answers {@code subscribe} before the node has the subscription, so an event fired at once
   * may be missed: fire {@code trigger} until a notification arrives, then start from an empty queue.
   */
  private static <T> void awaitActive(String what, BlockingQueue<T> queue, Runnable trigger) {
    Await.until(what + " subscription delivering", () -> {
      trigger.run();
      try {
        return Optional.ofNullable(queue.poll(3, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
    queue.clear();
  }

  /** Takes head notifications until the one of {@code blockHash}, and returns it. */
  private static NewHead awaitHead(BlockingQueue<NewHeadsNotification> heads, String blockHash)
      throws InterruptedException {
    return Await.nextMatching(heads, n -> n.getParams().getResult().getHash().equals(blockHash), NOTIFICATION_TIMEOUT,
        "newHeads for " + blockHash).getParams().getResult();
  }
}
