package io.nativerollups.node.rpc;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.trie.NodeStore;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.mining.BlockBuilder;
import io.nativerollups.node.mining.PayloadAttributes;
import io.nativerollups.node.txpool.TransactionPool;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The block {@code pending} names: what the node's {@link BlockBuilder} would build next from the
 * pool on the head, as geth's pending block (fee recipient, prevRandao and beacon root zero, the
 * wall-clock time or the head's plus one). It is built on the first request only and kept until
 * the head moves or the pool accepts a transaction, so a quiet node does no work for it and a busy
 * one builds at most one block per change. The block is never stored: its state lives in
 * in-memory trie nodes layered over the chain's.
 */
public final class PendingBlock {
  private static final byte[] ZERO_HASH = new byte[32];

  private final Blockchain chain;
  private final BlockBuilder builder;
  private final LongSupplier clockSeconds;
  /** Counts the pool's accepted transactions (replacements included): a change rebuilds the block. */
  private final AtomicLong poolVersion = new AtomicLong();
  /** The latest build and the one before: a request that read the header just before a rebuild still finds its state. */
  private Built current;
  private Built previous;

  /**
   * A built pending block with its receipts and the state after it.
   *
   * @param trieNodes the block's new trie nodes over the chain's
   */
  public record Built(Block block, List<Receipt> receipts, NodeStore trieNodes, NodeStore codes,
      byte[] parentHash, long poolVersion) {
    /** A private copy of the state after the block, which the caller may change. */
    public WorldState state() {
      return new InMemoryWorldState(trieNodes, codes, block.header().stateRoot());
    }
  }

  /**
   * @param pool the pool whose accepted transactions make the block stale
   * @param clockSeconds the wall clock, in seconds
   */
  public PendingBlock(Blockchain chain, TransactionPool pool, BlockBuilder builder, LongSupplier clockSeconds) {
    this.chain = chain;
    this.builder = builder;
    this.clockSeconds = clockSeconds;
    pool.addListener(tx -> poolVersion.incrementAndGet());
  }

  /** The pending block on the current head, built now if the head or the pool changed since the last build. */
  public synchronized Built get() {
    BlockHeader head = chain.head();
    long version = poolVersion.get();
    if (current == null || current.poolVersion() != version || !Arrays.equals(current.parentHash(), head.hash())) {
      previous = current;
      current = build(head, version);
    }
    return current;
  }

  /** The build whose block has {@code header}, if it is one of the last two. */
  public synchronized Optional<Built> built(BlockHeader header) {
    for (Built b : new Built[] {current, previous}) {
      BlockHeader own = b == null ? null : b.block().header();
      // the hash is computed only for a header at a pending height, rarely asked for otherwise
      if (own != null && (own == header
          || own.number() == header.number() && Arrays.equals(own.hash(), header.hash()))) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  private Built build(BlockHeader head, long version) {
    long timestamp = Math.max(clockSeconds.getAsLong(), head.timestamp() + 1);
    boolean cancun = chain.config().forkAt(timestamp).rules().isAtLeast(Fork.CANCUN);
    Block block = builder.build(head,
        new PayloadAttributes(timestamp, ZERO_HASH, Address.ZERO, List.of(), cancun ? ZERO_HASH : null), null);
    // the builder hands out the block only: executing it once more yields the state and receipts after it
    InMemoryWorldState world = new InMemoryWorldState(chain.trieNodes(), chain.codes(), head.stateRoot());
    BlockResult result;
    try {
      result = chain.blockProcessor().process(world, block, h -> chain.headerByHash(h).orElse(null));
    } catch (InvalidBlockException e) {
      throw new IllegalStateException("the pending block built on " + head.number() + " does not execute: "
          + e.getMessage(), e);
    }
    InMemoryNodeStore newNodes = new InMemoryNodeStore();
    InMemoryNodeStore newCodes = new InMemoryNodeStore();
    world.commit(newNodes, newCodes);
    return new Built(block, result.receipts(), new Layered(newNodes, chain.trieNodes()),
        new Layered(newCodes, chain.codes()), head.hash(), version);
  }

  /** The pending block's own nodes first, then the chain's (read-only). */
  private record Layered(NodeStore top, NodeStore base) implements NodeStore {
    @Override
    public byte[] get(byte[] hash) {
      byte[] node = top.get(hash);
      return node != null ? node : base.get(hash);
    }

    @Override
    public void put(byte[] hash, byte[] encoded) {
      throw new UnsupportedOperationException("the pending block's state is read-only");
    }
  }
}
