package io.nativerollups.node.txpool;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.tx.TransactionValidator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.chain.Blockchain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node's pool, checked against the head state with geth's rules and messages: sender,
 * chain id, size, fee fields, intrinsic gas, gas limit, base fee, nonce, and a balance that covers
 * the cost of all the sender's pooled transactions together (legacypool/blobpool accounting); a
 * transaction for a nonce already pooled replaces it only with its fees raised by {@link
 * #PRICE_BUMP_PERCENT} ({@link #BLOB_PRICE_BUMP_PERCENT} for blob transactions); transactions
 * after a nonce gap wait (queued) until it fills. A sender holds either blob or other transactions,
 * never both (geth's "address already reserved"), blob transactions without nonce gaps. Each sender
 * and the whole pool have a cap ({@link Limits}); a full pool evicts its cheapest transaction for a
 * better paying one. A blob transaction comes with its sidecar in the form the next block's fork
 * takes (EIP-7594 cell proofs from Osaka), whose KZG proofs must verify, and pays at least the next
 * block's blob base fee; the sidecar is kept beside it by hash. When the head moves ({@link
 * #onNewHead}) included, outdated and no longer affordable transactions leave.
 */
public final class DefaultTransactionPool implements TransactionPool {
  /** geth's txMaxSize: four 32 KiB slots. */
  public static final int MAX_TRANSACTION_SIZE = 4 * 32 * 1024;
  /** geth's default price bump for a replacement (legacypool). */
  public static final int PRICE_BUMP_PERCENT = 10;
  /** geth's blobpool price bump: a blob transaction is replaced only by one paying double. */
  public static final int BLOB_PRICE_BUMP_PERCENT = 100;

  /**
   * How many transactions the pool holds.
   *
   * @param capacity most transactions in the pool; beyond it the cheapest is evicted
   * @param accountQueue most queued transactions (waiting behind a nonce gap) one sender may have;
   *     its pending ones are bounded by the capacity only, so a devnet user can send thousands in a row
   * @param blobAccountSlots most blob transactions one sender may have pooled
   */
  public record Limits(int capacity, int accountQueue, int blobAccountSlots) {
    /**
     * 4096 transactions; per sender geth's 64 queued slots (legacypool AccountQueue) and 16 blob
     * transactions (blobpool maxTxsPerAccount).
     */
    public static final Limits DEFAULT = new Limits(4096, 64, 16);

    public Limits {
      if (capacity < 1 || accountQueue < 1 || blobAccountSlots < 1) {
        throw new IllegalArgumentException("pool limits must be positive: " + capacity + ", " + accountQueue
            + ", " + blobAccountSlots);
      }
    }
  }

  private final Blockchain chain;
  private final Limits limits;
  /**
   * Each pooled transaction's hash key and {@link #cost}, computed once: a sender's balance is
   * checked against the sum over all its transactions at every insertion and new head, and
   * removing a transaction needs its key without hashing it again.
   */
  private final Map<Transaction, Pooled> entries = new IdentityHashMap<>();
  private final Map<Address, TreeMap<Long, Transaction>> bySender = new HashMap<>();
  private final Map<String, Transaction> byHash = new HashMap<>();
  private final Map<String, BlobSidecar> sidecars = new HashMap<>();
  /** The pooled blobs by versioned hash, each by the key of every pooled transaction that carries it. */
  private final Map<String, Map<String, PooledBlob>> blobs = new HashMap<>();
  private final List<Consumer<Transaction>> addListeners = new CopyOnWriteArrayList<>();

  /** A pooled transaction's key in {@link #byHash} and its {@link #cost}. */
  private record Pooled(String key, BigInteger cost) {}

  /** A pool with {@link Limits#DEFAULT}. */
  public DefaultTransactionPool(Blockchain chain) {
    this(chain, Limits.DEFAULT);
  }

  public DefaultTransactionPool(Blockchain chain, Limits limits) {
    this.chain = chain;
    this.limits = limits;
  }

  @Override
  public byte[] add(Transaction tx) {
    return add(tx, null);
  }

  @Override
  public synchronized byte[] add(Transaction tx, BlobSidecar sidecar) {
    byte[] hash = TransactionHasher.hash(tx);
    String key = HexFormat.of().formatHex(hash);
    if (byHash.containsKey(key)) {
      throw new TransactionRejectedException("already known");
    }
    BlockHeader head = chain.head();
    long nextTimestamp = head.timestamp() + 1;
    ForkActivation fork = chain.config().forkAt(nextTimestamp);
    checkStatic(tx, fork, head);
    checkBlobs(tx, sidecar, fork, head);
    WorldState state = chain.stateAt(head.hash());
    long accountNonce = state.getNonce(tx.sender());
    if (Long.compareUnsigned(tx.nonce(), accountNonce) < 0) {
      throw new TransactionRejectedException("nonce too low: address " + tx.sender() + ", tx: " + tx.nonce()
          + " state: " + accountNonce);
    }
    TreeMap<Long, Transaction> mine = bySender.getOrDefault(tx.sender(), new TreeMap<>(Long::compareUnsigned));
    SortedMap<Long, Transaction> live = mine.tailMap(accountNonce);
    boolean blob = tx.type() == TransactionType.BLOB;
    if (!live.isEmpty() && isBlob(live.get(live.firstKey())) != blob) {
      throw new TransactionRejectedException("address already reserved");
    }
    int liveCount = live.size();
    long gapped = accountNonce + liveCount;
    if (blob && Long.compareUnsigned(tx.nonce(), gapped) > 0) {
      throw new TransactionRejectedException("nonce too high: tx nonce " + Long.toUnsignedString(tx.nonce())
          + ", gapped nonce " + Long.toUnsignedString(gapped));
    }
    Transaction existing = live.get(tx.nonce());
    BigInteger txCost = cost(tx);
    BigInteger need = txCost;
    for (Transaction pooled : live.values()) {
      if (pooled != existing) {
        need = need.add(entries.get(pooled).cost());
      }
    }
    BigInteger balance = state.getBalance(tx.sender()).toBigInteger();
    if (balance.compareTo(need) < 0) {
      throw new TransactionRejectedException("insufficient funds for gas * price + value: address " + tx.sender()
          + " have " + balance + " want " + need);
    }
    if (existing != null) {
      if (!outbids(tx, existing)) {
        throw new TransactionRejectedException("replacement transaction underpriced");
      }
      forget(existing);
    } else {
      if (blob && liveCount >= limits.blobAccountSlots()) {
        throw new TransactionRejectedException("account limit exceeded: pooled " + liveCount + " blob txs");
      }
      int pending = pendingOf(mine, accountNonce).size();
      int queued = liveCount - pending;
      if (!blob && Long.compareUnsigned(tx.nonce(), accountNonce + pending) > 0 && queued >= limits.accountQueue()) {
        throw new TransactionRejectedException("account limit exceeded: " + queued
            + " txs already wait behind a nonce gap; send nonce " + Long.toUnsignedString(accountNonce + pending) + " first");
      }
      if (byHash.size() >= limits.capacity()) {
        makeRoomFor(tx, BlockValidator.expectedBaseFee(head));
      }
    }
    bySender.putIfAbsent(tx.sender(), mine);
    mine.put(tx.nonce(), tx);
    byHash.put(key, tx);
    entries.put(tx, new Pooled(key, txCost));
    if (sidecar != null) {
      sidecars.put(key, sidecar);
      for (int i = 0; i < tx.blobVersionedHashes().size(); i++) {
        blobs.computeIfAbsent(HexFormat.of().formatHex(tx.blobVersionedHashes().get(i)), h -> new HashMap<>())
            .put(key, PooledBlob.of(sidecar, i));
      }
    }
    for (Consumer<Transaction> listener : addListeners) {
      listener.accept(tx);
    }
    return hash;
  }

  /** Calls {@code listener} with each transaction the pool accepts (dev mode seals on it). */
  @Override
  public void addListener(Consumer<Transaction> listener) {
    addListeners.add(listener);
  }

  /** Rules that need no state: sender, type, chain id, size, fee fields, gas limits, base fee. */
  private void checkStatic(Transaction tx, ForkActivation fork, BlockHeader head) {
    if (tx.sender() == null) {
      throw new TransactionRejectedException("invalid sender");
    }
    if (tx.type() == TransactionType.LEGACY && tx.chainId() == null) {
      throw new TransactionRejectedException("only replay-protected (EIP-155) transactions allowed over RPC");
    }
    if (!UInt256.valueOf(chain.config().chainId()).equals(tx.chainId())) {
      throw new TransactionRejectedException("invalid chain id for signer: have " + tx.chainId() + " want "
          + chain.config().chainId());
    }
    if (TransactionEncoder.encode(tx).length > MAX_TRANSACTION_SIZE) {
      throw new TransactionRejectedException("oversized data: transaction size exceeds " + MAX_TRANSACTION_SIZE);
    }
    if (tx.maxFeePerGas().compareTo(tx.maxPriorityFeePerGas()) < 0) {
      throw new TransactionRejectedException("max priority fee per gas higher than max fee per gas");
    }
    GasCalculator gas = GasCalculator.forFork(fork.rules());
    if (Long.compareUnsigned(tx.gasLimit(), gas.transactionIntrinsicGas(tx)) < 0) {
      throw new TransactionRejectedException("intrinsic gas too low: gas " + Long.toUnsignedString(tx.gasLimit())
          + ", minimum needed " + gas.transactionIntrinsicGas(tx));
    }
    if (Long.compareUnsigned(tx.gasLimit(), gas.transactionFloorGas(tx)) < 0) {
      throw new TransactionRejectedException("intrinsic gas too low: insufficient gas for floor data gas cost: gas "
          + Long.toUnsignedString(tx.gasLimit()) + ", minimum needed " + gas.transactionFloorGas(tx));
    }
    if (Long.compareUnsigned(tx.gasLimit(), gas.maxTransactionGasLimit()) > 0) {
      throw new TransactionRejectedException("transaction gas limit too high (cap: " + gas.maxTransactionGasLimit()
          + ", tx: " + Long.toUnsignedString(tx.gasLimit()) + ")");
    }
    if (Long.compareUnsigned(tx.gasLimit(), head.gasLimit()) > 0) {
      throw new TransactionRejectedException("exceeds block gas limit");
    }
    try {
      TransactionValidator.forFork(fork.rules()).validate(tx, chain.config().chainId());
    } catch (InvalidTransactionException e) {
      throw new TransactionRejectedException(e.getMessage());
    }
    UInt256 baseFee = BlockValidator.expectedBaseFee(head);
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      throw new TransactionRejectedException("max fee per gas less than block base fee: address " + tx.sender()
          + ", maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + baseFee);
    }
  }

  /**
   * A blob transaction's sidecar and blob fee: the sidecar in the fork's form with proofs that
   * verify against the versioned hashes, no more blobs than a block holds, and a blob fee cap not
   * below the next block's blob base fee.
   */
  private static void checkBlobs(Transaction tx, BlobSidecar sidecar, ForkActivation fork, BlockHeader head) {
    if (tx.type() != TransactionType.BLOB) {
      if (sidecar != null) {
        throw new TransactionRejectedException("only blob transactions carry a blob sidecar");
      }
      return;
    }
    if (sidecar == null) {
      throw new TransactionRejectedException(
          "blob transaction without its sidecar: send it in the network form with blobs, commitments and proofs");
    }
    boolean cellProofsRequired = fork.rules().isAtLeast(Fork.OSAKA);
    if (sidecar.cellProofs() != cellProofsRequired) {
      throw new TransactionRejectedException(cellProofsRequired
          ? "blob sidecar has one proof per blob; from Osaka it must be the version-1 form with cell proofs (EIP-7594)"
          : "blob sidecar has cell proofs (EIP-7594), which " + fork.name() + " does not accept");
    }
    int count = tx.blobVersionedHashes().size();
    if (count > fork.blobs().max()) {
      throw new TransactionRejectedException("blob transaction has " + count + " blobs, more than the "
          + fork.blobs().max() + " a block may hold");
    }
    try {
      sidecar.verify(tx.blobVersionedHashes());
    } catch (InvalidTransactionException e) {
      throw new TransactionRejectedException("invalid blob sidecar: " + e.getMessage());
    }
    UInt256 blobBaseFee = blobBaseFee(head, fork);
    if (tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0) {
      throw new TransactionRejectedException("max fee per blob gas less than block blob gas fee: address " + tx.sender()
          + " blobGasFeeCap: " + tx.maxFeePerBlobGas().toBigInteger() + ", blobBaseFee: " + blobBaseFee.toBigInteger());
    }
  }

  /** The blob base fee of a child of {@code parent} under {@code fork}. */
  public static UInt256 blobBaseFee(BlockHeader parent, ForkActivation fork) {
    return fork.blobs().blobBaseFeeWord(BlockValidator.expectedExcessBlobGas(parent, fork));
  }

  /**
   * Whether {@code tx} may replace {@code old}: its fee cap, tip and (between blob transactions)
   * blob fee cap each above the old one and at least {@link #PRICE_BUMP_PERCENT} percent higher,
   * {@link #BLOB_PRICE_BUMP_PERCENT} for a blob transaction (geth rounds the threshold down).
   */
  private static boolean outbids(Transaction tx, Transaction old) {
    int bump = isBlob(old) ? BLOB_PRICE_BUMP_PERCENT : PRICE_BUMP_PERCENT;
    boolean blobFeeBumped = tx.maxFeePerBlobGas() == null || old.maxFeePerBlobGas() == null
        || bumped(tx.maxFeePerBlobGas(), old.maxFeePerBlobGas(), bump);
    return bumped(tx.maxFeePerGas(), old.maxFeePerGas(), bump)
        && bumped(tx.maxPriorityFeePerGas(), old.maxPriorityFeePerGas(), bump) && blobFeeBumped;
  }

  private static boolean bumped(UInt256 fresh, UInt256 old, int percent) {
    BigInteger threshold = old.toBigInteger().multiply(BigInteger.valueOf(100 + percent))
        .divide(BigInteger.valueOf(100));
    return fresh.compareTo(old) > 0 && fresh.toBigInteger().compareTo(threshold) >= 0;
  }

  /**
   * Evicts the cheapest transaction of another sender for {@code tx} in a full pool (geth's
   * priced list: lowest effective tip at {@code baseFee}, then fee cap, then tip). A sender's own
   * transactions are never evicted for it, which would open a gap before it.
   *
   * @throws TransactionRejectedException "transaction underpriced" when {@code tx} pays no more than
   *     the cheapest, "txpool is full" when only the sender's own transactions are pooled
   */
  private void makeRoomFor(Transaction tx, UInt256 baseFee) {
    Comparator<Transaction> byPrice = priceOrder(baseFee);
    Transaction cheapest = null;
    for (Transaction pooled : byHash.values()) {
      if (!pooled.sender().equals(tx.sender()) && (cheapest == null || byPrice.compare(pooled, cheapest) < 0)) {
        cheapest = pooled;
      }
    }
    if (cheapest == null) {
      throw new TransactionRejectedException("txpool is full");
    }
    if (byPrice.compare(tx, cheapest) <= 0) {
      throw new TransactionRejectedException("transaction underpriced");
    }
    remove(cheapest);
  }

  /** Cheapest first, as geth's pool ranks transactions for eviction. */
  private static Comparator<Transaction> priceOrder(UInt256 baseFee) {
    BigInteger base = baseFee.toBigInteger();
    return Comparator.<Transaction, BigInteger>comparing(
            t -> t.maxFeePerGas().toBigInteger().subtract(base).min(t.maxPriorityFeePerGas().toBigInteger()))
        .thenComparing(Transaction::maxFeePerGas)
        .thenComparing(Transaction::maxPriorityFeePerGas);
  }

  /** What a transaction may spend at most: value + gasLimit * maxFeePerGas + blob gas * maxFeePerBlobGas. */
  static BigInteger cost(Transaction tx) {
    BigInteger cost = BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger())
        .add(tx.value().toBigInteger());
    if (tx.maxFeePerBlobGas() != null) {
      cost = cost.add(tx.maxFeePerBlobGas().toBigInteger()
          .multiply(BigInteger.valueOf(BlobSchedule.GAS_PER_BLOB * tx.blobVersionedHashes().size())));
    }
    return cost;
  }

  private static boolean isBlob(Transaction tx) {
    return tx.type() == TransactionType.BLOB;
  }

  @Override
  public synchronized int pendingCount() {
    WorldState state = chain.stateAt(chain.head().hash());
    int n = 0;
    for (Map.Entry<Address, TreeMap<Long, Transaction>> e : bySender.entrySet()) {
      n += pendingOf(e.getValue(), state.getNonce(e.getKey())).size();
    }
    return n;
  }

  @Override
  public synchronized int queuedCount() {
    return byHash.size() - pendingCount();
  }

  @Override
  public synchronized Optional<Transaction> byHash(byte[] hash) {
    return Optional.ofNullable(byHash.get(HexFormat.of().formatHex(hash)));
  }

  @Override
  public synchronized Optional<BlobSidecar> sidecar(byte[] hash) {
    return Optional.ofNullable(sidecars.get(HexFormat.of().formatHex(hash)));
  }

  @Override
  public synchronized Content content() {
    return contentOf(bySender.keySet());
  }

  @Override
  public synchronized Content content(Address sender) {
    return contentOf(bySender.containsKey(sender) ? List.of(sender) : List.of());
  }

  /** Splits each sender's transactions at its first nonce gap from the head state's nonce. */
  private Content contentOf(Collection<Address> senders) {
    WorldState state = chain.stateAt(chain.head().hash());
    SortedMap<Address, List<Transaction>> pending = new TreeMap<>();
    SortedMap<Address, List<Transaction>> queued = new TreeMap<>();
    for (Address sender : senders) {
      long accountNonce = state.getNonce(sender);
      TreeMap<Long, Transaction> txs = bySender.get(sender);
      List<Transaction> ready = pendingOf(txs, accountNonce);
      List<Transaction> waiting = new ArrayList<>(txs.tailMap(accountNonce, true).values());
      waiting.subList(0, ready.size()).clear();
      if (!ready.isEmpty()) {
        pending.put(sender, ready);
      }
      if (!waiting.isEmpty()) {
        queued.put(sender, waiting);
      }
    }
    return new Content(pending, queued);
  }

  @Override
  public synchronized Optional<PooledBlob> blob(byte[] versionedHash) {
    Map<String, PooledBlob> carriers = blobs.get(HexFormat.of().formatHex(versionedHash));
    return carriers == null ? Optional.empty() : carriers.values().stream().findAny();
  }

  @Override
  public synchronized long nextNonce(Address sender) {
    long accountNonce = chain.stateAt(chain.head().hash()).getNonce(sender);
    TreeMap<Long, Transaction> mine = bySender.get(sender);
    return accountNonce + (mine == null ? 0 : pendingOf(mine, accountNonce).size());
  }

  /**
   * The pending transactions for a block with {@code baseFee} on the head state: each sender's in
   * nonce order, interleaved by effective tip (highest first); a sender's transactions stop at
   * the first whose fee cap is below the base fee.
   */
  public synchronized List<Transaction> candidates(UInt256 baseFee) {
    WorldState state = chain.stateAt(chain.head().hash());
    Comparator<List<Transaction>> byTip = Comparator.comparing((List<Transaction> q) -> effectiveTip(q.get(0), baseFee))
        .reversed();
    PriorityQueue<List<Transaction>> heads = new PriorityQueue<>(byTip);
    for (Map.Entry<Address, TreeMap<Long, Transaction>> e : bySender.entrySet()) {
      List<Transaction> ready = new ArrayList<>();
      for (Transaction tx : pendingOf(e.getValue(), state.getNonce(e.getKey()))) {
        if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
          break;
        }
        ready.add(tx);
      }
      if (!ready.isEmpty()) {
        heads.add(ready);
      }
    }
    List<Transaction> ordered = new ArrayList<>();
    while (!heads.isEmpty()) {
      List<Transaction> q = heads.poll();
      ordered.add(q.get(0));
      if (q.size() > 1) {
        heads.add(q.subList(1, q.size()));
      }
    }
    return ordered;
  }

  /**
   * Re-validates each sender's transactions against the new head state: drops those whose nonce
   * the state has passed (included, or replaced by another of the same nonce), those over the
   * block gas limit, and, in nonce order, each one the balance no longer covers together with the
   * sender's earlier ones; a blob sender's transactions after a gap go too (blobpool keeps none).
   * The ones after a dropped transaction become queued, and queued ones whose gap the head filled
   * become pending.
   */
  public synchronized void onNewHead() {
    BlockHeader head = chain.head();
    WorldState state = chain.stateAt(head.hash());
    Iterator<Map.Entry<Address, TreeMap<Long, Transaction>>> senders = bySender.entrySet().iterator();
    while (senders.hasNext()) {
      Map.Entry<Address, TreeMap<Long, Transaction>> e = senders.next();
      long next = state.getNonce(e.getKey());
      BigInteger balance = state.getBalance(e.getKey()).toBigInteger();
      BigInteger spent = BigInteger.ZERO;
      Iterator<Transaction> txs = e.getValue().values().iterator();
      while (txs.hasNext()) {
        Transaction tx = txs.next();
        BigInteger spentWith = spent.add(entries.get(tx).cost());
        boolean gapped = isBlob(tx) && tx.nonce() != next;
        if (Long.compareUnsigned(tx.nonce(), next) < 0 || gapped
            || Long.compareUnsigned(tx.gasLimit(), head.gasLimit()) > 0 || balance.compareTo(spentWith) < 0) {
          forget(tx);
          txs.remove();
        } else {
          spent = spentWith;
          next = tx.nonce() + 1;
        }
      }
      if (e.getValue().isEmpty()) {
        senders.remove();
      }
    }
  }

  /**
   * Removes a transaction the builder found invalid against the state it is built on, or one
   * evicted from a full pool. A blob transaction takes the sender's later ones along, as blobpool
   * keeps no blob transaction behind a gap.
   */
  public synchronized void remove(Transaction tx) {
    TreeMap<Long, Transaction> mine = bySender.get(tx.sender());
    if (mine != null && mine.get(tx.nonce()) == tx) {
      Map<Long, Transaction> leaving = isBlob(tx) ? mine.tailMap(tx.nonce(), true)
          : mine.subMap(tx.nonce(), true, tx.nonce(), true);
      leaving.values().forEach(this::forget);
      leaving.clear();
      if (mine.isEmpty()) {
        bySender.remove(tx.sender());
      }
    }
  }

  /** Drops {@code tx} from the hash indexes (the caller removes it from its sender's queue). */
  private void forget(Transaction tx) {
    String key = entries.remove(tx).key();
    byHash.remove(key);
    if (sidecars.remove(key) != null) {
      tx.blobVersionedHashes().forEach(h -> blobs.computeIfPresent(HexFormat.of().formatHex(h), (hash, carriers) -> {
        carriers.remove(key);
        return carriers.isEmpty() ? null : carriers;
      }));
    }
  }

  private static List<Transaction> pendingOf(TreeMap<Long, Transaction> txs, long accountNonce) {
    List<Transaction> pending = new ArrayList<>();
    long next = accountNonce;
    for (Transaction tx : txs.tailMap(accountNonce, true).values()) {
      if (tx.nonce() != next) {
        break;
      }
      pending.add(tx);
      next++;
    }
    return pending;
  }

  /** min(maxPriorityFee, maxFee - baseFee). */
  static UInt256 effectiveTip(Transaction tx, UInt256 baseFee) {
    UInt256 headroom = tx.maxFeePerGas().subtract(baseFee);
    return headroom.compareTo(tx.maxPriorityFeePerGas()) < 0 ? headroom : tx.maxPriorityFeePerGas();
  }
}
