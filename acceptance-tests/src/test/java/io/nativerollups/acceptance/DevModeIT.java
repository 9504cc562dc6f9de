package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Dev mode with {@code --block-time}: blocks come on a timer, with or without transactions. */
@ExtendWith(PrintNodeLogsOnFailure.class)
class DevModeIT {
  @Test
  void blockTimeSealsEmptyBlocksOnATimerAndIncludesTransactions() {
    try (NodeProcess node = NodeProcess.builder("block-time").inMemory().blockTime(1).start();
        NodeClient client = new NodeClient(node)) {
      client.awaitBlockNumber(3);
      for (long n = 1; n <= 3; n++) {
        EthBlock.Block block = client.block(n);
        EthBlock.Block parent = client.block(n - 1);
        assertEquals(parent.getHash(), block.getParentHash());
        assertTrue(block.getTimestamp().compareTo(parent.getTimestamp()) > 0, "timestamps increase");
      }
      assertTrue(client.block(1).getTransactions().isEmpty(), "the timer seals without transactions");

      TransactionReceipt receipt = client.awaitReceipt(client.sendRaw(Transactions.eip1559(DevAccounts.ALICE,
          client.pendingNonce(DevAccounts.ALICE.getAddress()), DevAccounts.BOB.getAddress(), BigInteger.ONE)));
      assertTrue(receipt.isStatusOK());
    }
  }
}
