package io.nativerollups.node.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.nativerollups.node.TestNode;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import org.junit.jupiter.api.Test;

class DevBlockProducerTest {
  @Test
  void eachSealedHeadIsSafeAndFinalityTrailsToTheLastEpochBoundary() throws Exception {
    try (TestNode node = new TestNode(new InMemoryKeyValueStorage())) {
      node.producer.start();
      assertArrayEquals(node.chain.head().hash(), node.chain.safeHash(), "the genesis head is safe at start");
      assertArrayEquals(node.chain.head().hash(), node.chain.finalizedHash(), "and finalized");
      for (long n = 1; n <= 2 * DevBlockProducer.EPOCH_BLOCKS + 1; n++) {
        node.producer.seal();
        assertArrayEquals(node.chain.head().hash(), node.chain.safeHash(), "block " + n + " is safe");
        long finalized = n <= DevBlockProducer.EPOCH_BLOCKS ? 0 : n <= 2 * DevBlockProducer.EPOCH_BLOCKS ? 32 : 64;
        assertArrayEquals(node.chain.blockByNumber(finalized).orElseThrow().header().hash(),
            node.chain.finalizedHash(), "finalized at head " + n);
      }
    }
  }
}
