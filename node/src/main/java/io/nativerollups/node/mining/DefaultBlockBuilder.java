package io.nativerollups.node.mining;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.block.TransactionListener;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.txpool.DefaultTransactionPool;
import io.nativerollups.plugin.TransactionSelector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds blocks by executing them with the chain's own {@link BlockProcessor} (so plugin hooks
 * and precompiles act exactly as at import). A transaction that turns out invalid on the block's
 * state, or that a {@link TransactionSelector} postpones, is left out together with its sender's
 * later transactions, and the block is executed again without them. Pool blob transactions go in
 * while the block's blob gas stays within the fork's maximum, each with its pooled sidecar.
 */
public final class DefaultBlockBuilder implements BlockBuilder {
  private final Blockchain chain;
  private final DefaultTransactionPool pool;
  private final List<TransactionSelector> selectors;
  private final Consumer<Transaction> onInvalid;

  /**
   * @param onInvalid told about each pool transaction found invalid on the block's state (the pool drops it)
   */
  public DefaultBlockBuilder(Blockchain chain, DefaultTransactionPool pool, List<TransactionSelector> selectors,
      Consumer<Transaction> onInvalid) {
    this.chain = chain;
    this.pool = pool;
    this.selectors = List.copyOf(selectors);
    this.onInvalid = onInvalid;
  }

  @Override
  public Block build(BlockHeader parent, PayloadAttributes attrs, List<Transaction> txs) {
    return buildPayload(parent, attrs, txs).block();
  }

  @Override
  public BuiltPayload buildPayload(BlockHeader parent, PayloadAttributes attrs, List<Transaction> txs) {
    if (Long.compareUnsigned(attrs.timestamp(), parent.timestamp()) <= 0) {
      throw new IllegalArgumentException("payload timestamp " + Long.toUnsignedString(attrs.timestamp())
          + " is not after the parent's " + Long.toUnsignedString(parent.timestamp()));
    }
    ForkActivation fork = chain.config().forkAt(attrs.timestamp());
    if (fork.rules().isAtLeast(Fork.CANCUN) && attrs.parentBeaconBlockRoot() == null) {
      throw new IllegalArgumentException("payload attributes lack parentBeaconBlockRoot");
    }
    UInt256 baseFee = BlockValidator.expectedBaseFee(parent);
    boolean fromPool = txs == null;
    List<Transaction> included = new ArrayList<>(fromPool ? pool.candidates(baseFee) : txs);
    Map<Transaction, BlobSidecar> sidecars = fromPool ? fitBlobs(included, parent, fork) : Map.of();
    List<Withdrawal> withdrawals = attrs.withdrawals() == null ? List.of() : attrs.withdrawals();
    while (true) {
      BlockHeader template = template(parent, fork, attrs, baseFee, included, withdrawals);
      WorldState world = chain.stateAt(parent.hash());
      Tracker tracker = new Tracker();
      BlockResult result;
      try {
        result = chain.blockProcessor().execute(world, Block.of(template, included, withdrawals),
            h -> chain.headerByHash(h).orElse(null), tracker);
      } catch (Postponed p) {
        drop(included, p.index);
        continue;
      } catch (InvalidBlockException e) {
        if (tracker.current < 0 || tracker.current == tracker.completed) {
          throw new IllegalStateException("the block cannot be built on " + parent.number() + ": " + e.getMessage(), e);
        }
        // the pool checked its transactions against the head: only on the head is one invalid for good
        if (fromPool && Arrays.equals(parent.hash(), chain.head().hash())) {
          onInvalid.accept(included.get(tracker.current));
        }
        drop(included, tracker.current);
        continue;
      }
      BlockHeader header = result.applyTo(template.toBuilder()).build();
      return new BuiltPayload(Block.of(header, included, withdrawals), blockValue(included, result.receipts(), baseFee),
          result.requests() == null ? List.of() : result.requests(), sidecarsOf(included, sidecars));
    }
  }

  private static BlockHeader template(BlockHeader parent, ForkActivation fork, PayloadAttributes attrs, UInt256 baseFee,
      List<Transaction> txs, List<Withdrawal> withdrawals) {
    List<byte[]> envelopes = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      envelopes.add(TransactionEncoder.encode(tx));
    }
    List<byte[]> encodedWithdrawals = new ArrayList<>(withdrawals.size());
    for (Withdrawal w : withdrawals) {
      encodedWithdrawals.add(w.encode());
    }
    return parent.toBuilder()
        .parentHash(parent.hash())
        .ommersHash(BlockValidator.EMPTY_OMMERS_HASH)
        .coinbase(attrs.suggestedFeeRecipient())
        .transactionsRoot(MerklePatriciaTrie.orderedRoot(envelopes))
        .difficulty(UInt256.ZERO)
        .number(parent.number() + 1)
        .gasUsed(0)
        .timestamp(attrs.timestamp())
        .extraData(new byte[0])
        .mixHash(attrs.prevRandao())
        .nonce(new byte[8])
        .baseFeePerGas(baseFee)
        .withdrawalsRoot(MerklePatriciaTrie.orderedRoot(encodedWithdrawals))
        .blobGasUsed(0L)
        .excessBlobGas(BlockValidator.expectedExcessBlobGas(parent, fork))
        .parentBeaconBlockRoot(attrs.parentBeaconBlockRoot())
        .requestsHash(fork.rules().isAtLeast(Fork.PRAGUE) ? Keccak256.EMPTY : null)
        .build();
  }

  /**
   * Leaves out (with their senders' later transactions) the pool's blob transactions that this block
   * cannot take: over the fork's blob gas maximum, below its blob base fee, or whose sidecar is
   * missing or in the other fork's form (a fork boundary passed since they were pooled).
   *
   * @return the sidecars of the blob transactions kept
   */
  private Map<Transaction, BlobSidecar> fitBlobs(List<Transaction> txs, BlockHeader parent, ForkActivation fork) {
    Map<Transaction, BlobSidecar> sidecars = new IdentityHashMap<>();
    UInt256 blobBaseFee = DefaultTransactionPool.blobBaseFee(parent, fork);
    boolean cellProofs = fork.rules().isAtLeast(Fork.OSAKA);
    long blobGas = 0;
    for (int i = 0; i < txs.size(); i++) {
      Transaction tx = txs.get(i);
      if (tx.type() != TransactionType.BLOB) {
        continue;
      }
      long txBlobGas = BlobSchedule.GAS_PER_BLOB * tx.blobVersionedHashes().size();
      BlobSidecar sidecar = pool.sidecar(TransactionHasher.hash(tx)).orElse(null);
      if (blobGas + txBlobGas > fork.blobs().maxBlobGas() || tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0
          || sidecar == null || sidecar.cellProofs() != cellProofs) {
        drop(txs, i--);
        continue;
      }
      blobGas += txBlobGas;
      sidecars.put(tx, sidecar);
    }
    return sidecars;
  }

  /** The sidecars of the blob transactions among {@code txs}, in block order (those known). */
  private static List<BlobSidecar> sidecarsOf(List<Transaction> txs, Map<Transaction, BlobSidecar> sidecars) {
    List<BlobSidecar> out = new ArrayList<>();
    for (Transaction tx : txs) {
      BlobSidecar sidecar = sidecars.get(tx);
      if (sidecar != null) {
        out.add(sidecar);
      }
    }
    return out;
  }

  /** Removes transaction {@code index} and its sender's later transactions (their nonces no longer follow). */
  private static void drop(List<Transaction> txs, int index) {
    Transaction dropped = txs.get(index);
    txs.removeIf(tx -> tx.sender().equals(dropped.sender()) && Long.compareUnsigned(tx.nonce(), dropped.nonce()) >= 0);
  }

  /** The fee recipient's earnings: each transaction's gas used times its effective tip. */
  private static UInt256 blockValue(List<Transaction> txs, List<Receipt> receipts, UInt256 baseFee) {
    BigInteger value = BigInteger.ZERO;
    long previous = 0;
    for (int i = 0; i < txs.size(); i++) {
      Transaction tx = txs.get(i);
      long gasUsed = receipts.get(i).cumulativeGasUsed() - previous;
      previous = receipts.get(i).cumulativeGasUsed();
      BigInteger headroom = tx.maxFeePerGas().toBigInteger().subtract(baseFee.toBigInteger());
      BigInteger tip = headroom.min(tx.maxPriorityFeePerGas().toBigInteger());
      value = value.add(tip.multiply(BigInteger.valueOf(gasUsed)));
    }
    return UInt256.fromBigInteger(value);
  }

  /** Thrown through the processor when a selector postpones transaction {@code index}. */
  private static final class Postponed extends RuntimeException {
    final int index;

    Postponed(int index) {
      super(null, null, false, false);
      this.index = index;
    }
  }

  /** Remembers which transaction is running and consults the selectors after each. */
  private final class Tracker implements TransactionListener {
    int current = -1;
    int completed = -1;

    @Override
    public void beforeTransaction(int index, Transaction tx) {
      current = index;
    }

    @Override
    public void afterTransaction(int index, Transaction tx, TransactionResult result, WorldState world) {
      for (TransactionSelector selector : selectors) {
        if (selector.postpone(tx, result, world)) {
          throw new Postponed(index);
        }
      }
      completed = index;
    }
  }
}
