package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.EthBlock;

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

      assertTrue(client.transferOneWei(DevAccounts.ALICE).isStatusOK());
    }
  }
}
