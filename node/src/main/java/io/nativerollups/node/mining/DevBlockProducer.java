package io.nativerollups.node.mining;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.ImportResult;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Dev mode: seals a block every {@code blockTime} seconds, or with 0 as soon as transactions are
 * pending ({@link #transactionAdded}). Each block is built from the pool on the head, imported
 * with full validation, and made the head. With no consensus client to say what is safe and
 * finalized, it says so itself as geth's dev mode does: each new head is safe at once, and the
 * finalized block is the last boundary of a {@value #EPOCH_BLOCKS}-block epoch below it.
 */
public final class DevBlockProducer implements AutoCloseable {
  /** Blocks per simulated epoch, geth's dev-mode value. */
  public static final long EPOCH_BLOCKS = 32;
  private static final Logger LOG = LogManager.getLogger(DevBlockProducer.class);
  private final Blockchain chain;
  private final BlockBuilder builder;
  private final Address coinbase;
  private final long blockTimeSeconds;
  private final LongSupplier clockSeconds;
  private final Consumer<Block> onSealed;
  private final BooleanSupplier hasPending;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "block-producer");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param clockSeconds the wall clock; a block's timestamp is the later of it and parent + 1
   * @param onSealed told about each block made head (logging, metrics, pool cleanup)
   * @param hasPending with block time 0, whether a block is worth sealing (the pool has pending transactions)
   */
  public DevBlockProducer(Blockchain chain, BlockBuilder builder, Address coinbase, long blockTimeSeconds,
      LongSupplier clockSeconds, Consumer<Block> onSealed, BooleanSupplier hasPending) {
    this.chain = chain;
    this.builder = builder;
    this.coinbase = coinbase;
    this.blockTimeSeconds = blockTimeSeconds;
    this.clockSeconds = clockSeconds;
    this.onSealed = onSealed;
    this.hasPending = hasPending;
  }

  /** Starts the timer (block time > 0); with 0 blocks follow {@link #transactionAdded}. */
  public void start() {
    advanceFinality(chain.head());
    if (blockTimeSeconds > 0) {
      executor.scheduleAtFixedRate(this::sealQuietly, blockTimeSeconds, blockTimeSeconds, TimeUnit.SECONDS);
    }
  }

  /** With block time 0, schedules a block for the transaction that just entered the pool. */
  public void transactionAdded() {
    if (blockTimeSeconds == 0) {
      executor.execute(this::sealQuietly);
    }
  }

  private void sealQuietly() {
    try {
      if (blockTimeSeconds > 0 || hasPending.getAsBoolean()) {
        seal();
      }
    } catch (RuntimeException e) {
      LOG.error("block production failed", e);
    }
  }

  /** Builds, imports and makes head one block on the current head; returns it. */
  public synchronized Block seal() {
    BlockHeader parent = chain.head();
    long timestamp = Math.max(clockSeconds.getAsLong(), parent.timestamp() + 1);
    byte[] randao = Keccak256.hash(Rlp.encodeList(Rlp.encodeBytes(parent.hash()), Rlp.encodeLong(timestamp)));
    Block block = builder.build(parent, new PayloadAttributes(timestamp, randao, coinbase, List.of(),
        Keccak256.hash(Rlp.encodeBytes(parent.parentBeaconBlockRoot() == null ? new byte[32] : parent.parentBeaconBlockRoot()))), null);
    ImportResult result = chain.importBlock(block);
    if (result.status() != ImportResult.Status.VALID) {
      throw new IllegalStateException("own block " + block.header().number() + " failed import: " + result.reason());
    }
    chain.setHead(block.header().hash());
    advanceFinality(block.header());
    onSealed.accept(block);
    return block;
  }

  private void advanceFinality(BlockHeader head) {
    chain.setSafeHash(head.hash());
    long n = head.number();
    long finalized = n % EPOCH_BLOCKS == 0 ? Math.max(0, n - EPOCH_BLOCKS) : (n - 1) / EPOCH_BLOCKS * EPOCH_BLOCKS;
    chain.headerByNumber(finalized).ifPresent(h -> chain.setFinalizedHash(h.hash()));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
