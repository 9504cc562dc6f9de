package io.nativerollups.node.chain;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.trie.NodeStore;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.genesis.InvalidGenesisException;
import io.nativerollups.node.storage.KeyValueStorage;
import io.nativerollups.node.storage.StorageException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link Blockchain} kept in a {@link KeyValueStorage}: headers, blocks, receipts, the canonical
 * number and transaction indexes, and the account and storage trie nodes and codes of every
 * imported block's state (nothing is pruned: a devnet keeps all its states).
 *
 * <p>Crash safety: an import writes the block, its receipts and its new trie nodes in one batch;
 * moving the head writes the indexes and then the head pointer in one batch. A killed node reopens
 * at the last head whose batch was written, with that block's state.
 */
public final class DefaultBlockchain implements Blockchain {
  private static final byte HEADER = 'h';
  private static final byte BLOCK = 'b';
  private static final byte RECEIPTS = 'r';
  private static final byte CANONICAL = 'n';
  private static final byte TX_INDEX = 'x';
  private static final byte TRIE_NODE = 's';
  private static final byte CODE = 'c';
  private static final byte[] HEAD_KEY = "head".getBytes();
  private static final byte[] SAFE_KEY = "safe".getBytes();
  private static final byte[] FINALIZED_KEY = "finalized".getBytes();

  private final KeyValueStorage storage;
  private final BlockProcessor processor;
  private final List<Consumer<Block>> headListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<HeadChange>> headChangeListeners = new CopyOnWriteArrayList<>();
  private volatile BlockHeader head;

  /**
   * Opens the chain in {@code storage}: writes {@code genesis} into an empty store, or checks that a
   * store holds the chain of this genesis and resumes at its stored head.
   *
   * @throws StorageException when the store holds another chain or is inconsistent
   */
  public DefaultBlockchain(KeyValueStorage storage, Genesis genesis, BlockProcessor processor)
      throws InvalidGenesisException {
    this.storage = storage;
    this.processor = processor;
    InMemoryWorldState genesisState = genesis.state();
    BlockHeader genesisHeader = genesis.header(genesisState.rootHash());
    byte[] headHash = storage.get(HEAD_KEY);
    if (headHash == null) {
      KeyValueStorage.Batch batch = storage.batch();
      genesisState.commit(nodeWriter(batch, TRIE_NODE), nodeWriter(batch, CODE));
      Block block = Block.of(genesisHeader, List.of(), List.of());
      writeBlock(batch, block, List.of());
      batch.put(key(CANONICAL, number(0)), genesisHeader.hash());
      batch.put(HEAD_KEY, genesisHeader.hash());
      batch.commit();
      head = genesisHeader;
      return;
    }
    byte[] storedGenesis = storage.get(key(CANONICAL, number(0)));
    if (storedGenesis == null || !Arrays.equals(storedGenesis, genesisHeader.hash())) {
      throw new StorageException("the data path holds a chain whose genesis is "
          + (storedGenesis == null ? "missing" : hex(storedGenesis)) + ", not this genesis file's "
          + hex(genesisHeader.hash()) + "; use another --data-path");
    }
    BlockHeader stored = headerByHash(headHash).orElseThrow(() ->
        new StorageException("the database is inconsistent: head block " + hex(headHash) + " is missing"));
    if (!hasState(stored.stateRoot())) {
      throw new StorageException("the database is inconsistent: the state of head block " + stored.number() + " is missing");
    }
    head = stored;
  }

  @Override
  public BlockHeader head() {
    return head;
  }

  @Override
  public Optional<Block> blockByNumber(long number) {
    return visibleCanonicalHash(number).flatMap(this::blockByHash);
  }

  @Override
  public Optional<Block> blockByHash(byte[] hash) {
    byte[] encoded = storage.get(key(BLOCK, hash));
    if (encoded == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Block.decode(encoded));
    } catch (InvalidBlockException e) {
      throw new StorageException("stored block " + hex(hash) + " does not decode: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<BlockHeader> headerByNumber(long number) {
    return visibleCanonicalHash(number).flatMap(this::headerByHash);
  }

  @Override
  public Optional<BlockHeader> headerByHash(byte[] hash) {
    byte[] encoded = storage.get(key(HEADER, hash));
    return encoded == null ? Optional.empty() : Optional.of(BlockHeader.decode(encoded));
  }

  @Override
  public List<Receipt> receipts(byte[] blockHash) {
    byte[] encoded = storage.get(key(RECEIPTS, blockHash));
    return encoded == null ? List.of() : ReceiptCodec.decode(encoded);
  }

  @Override
  public Optional<TransactionLocation> transaction(byte[] txHash) {
    byte[] location = storage.get(key(TX_INDEX, txHash));
    if (location == null) {
      return Optional.empty();
    }
    List<RlpItem> f = Rlp.decode(location).items();
    byte[] blockHash = f.get(0).bytes();
    int index = (int) f.get(1).asLong();
    return blockByHash(blockHash).filter(b -> b.header().number() <= head.number()).map(b ->
        new TransactionLocation(blockHash, b.header().number(), index, b.transactions().get(index)));
  }

  @Override
  public InMemoryWorldState stateAt(byte[] blockHash) {
    BlockHeader header = headerByHash(blockHash).orElseThrow(() ->
        new IllegalArgumentException("block " + hex(blockHash) + " is not known"));
    if (!hasState(header.stateRoot())) {
      throw new IllegalArgumentException("the state of block " + hex(blockHash) + " is not stored");
    }
    return new InMemoryWorldState(nodeReader(TRIE_NODE), nodeReader(CODE), header.stateRoot());
  }

  @Override
  public ChainConfig config() {
    return processor.config();
  }

  @Override
  public synchronized ImportResult importBlock(Block block) {
    BlockHeader header = block.header();
    byte[] hash = header.hash();
    if (storage.get(key(HEADER, hash)) != null) {
      return ImportResult.valid();
    }
    Optional<BlockHeader> parent = headerByHash(header.parentHash());
    if (parent.isEmpty() || !hasState(parent.get().stateRoot())) {
      return ImportResult.syncing("parent block " + hex(header.parentHash()) + " is not known");
    }
    InMemoryWorldState world = stateAt(header.parentHash());
    BlockResult result;
    try {
      result = processor.process(world, block, h -> headerByHash(h).orElse(null));
    } catch (InvalidBlockException e) {
      return ImportResult.invalid(e.error() + ": " + e.getMessage(), header.parentHash());
    }
    KeyValueStorage.Batch batch = storage.batch();
    world.commit(nodeWriter(batch, TRIE_NODE), nodeWriter(batch, CODE));
    writeBlock(batch, block, result.receipts());
    batch.commit();
    return ImportResult.valid();
  }

  @Override
  public void setHead(byte[] blockHash) {
    Block newHead;
    List<Block> removed = new ArrayList<>();
    List<Block> added = new ArrayList<>();
    synchronized (this) {
      newHead = blockByHash(blockHash).orElseThrow(() ->
          new IllegalArgumentException("block " + hex(blockHash) + " is not known"));
      if (!hasState(newHead.header().stateRoot())) {
        throw new IllegalArgumentException("the state of block " + hex(blockHash) + " is not stored");
      }
      KeyValueStorage.Batch batch = storage.batch();
      for (long n = newHead.header().number() + 1; n <= head.number(); n++) {
        unindex(batch, n).ifPresent(removed::add);
        batch.delete(key(CANONICAL, number(n)));
      }
      Block b = newHead;
      while (!Arrays.equals(canonicalHash(b.header().number()).orElse(null), b.header().hash())) {
        unindex(batch, b.header().number()).ifPresent(removed::add);
        added.add(b);
        batch.put(key(CANONICAL, number(b.header().number())), b.header().hash());
        for (int i = 0; i < b.transactions().size(); i++) {
          batch.put(key(TX_INDEX, TransactionHasher.hash(b.transactions().get(i))),
              Rlp.encodeList(Rlp.encodeBytes(b.header().hash()), Rlp.encodeLong(i)));
        }
        b = blockByHash(b.header().parentHash()).orElseThrow();
      }
      batch.put(HEAD_KEY, blockHash);
      batch.commit();
      head = newHead.header();
    }
    for (Consumer<Block> listener : headListeners) {
      listener.accept(newHead);
    }
    if (!removed.isEmpty() || !added.isEmpty()) {
      removed.sort(Comparator.comparingLong(b -> b.header().number()));
      Collections.reverse(added);
      HeadChange change = new HeadChange(removed, added);
      for (Consumer<HeadChange> listener : headChangeListeners) {
        listener.accept(change);
      }
    }
  }

  @Override
  public byte[] finalizedHash() {
    byte[] h = storage.get(FINALIZED_KEY);
    return h == null ? new byte[32] : h;
  }

  @Override
  public void setFinalizedHash(byte[] hash) {
    put(FINALIZED_KEY, hash);
  }

  @Override
  public byte[] safeHash() {
    byte[] h = storage.get(SAFE_KEY);
    return h == null ? new byte[32] : h;
  }

  @Override
  public void setSafeHash(byte[] hash) {
    put(SAFE_KEY, hash);
  }

  @Override
  public void addHeadListener(Consumer<Block> listener) {
    headListeners.add(listener);
  }

  @Override
  public void addHeadChangeListener(Consumer<HeadChange> listener) {
    headChangeListeners.add(listener);
  }

  @Override
  public NodeStore trieNodes() {
    return nodeReader(TRIE_NODE);
  }

  @Override
  public NodeStore codes() {
    return nodeReader(CODE);
  }

  @Override
  public BlockProcessor blockProcessor() {
    return processor;
  }

  private void put(byte[] key, byte[] value) {
    KeyValueStorage.Batch batch = storage.batch();
    batch.put(key, value);
    batch.commit();
  }

  /** Removes the transaction index entries of the canonical block at {@code n}, if any, and returns that block. */
  private Optional<Block> unindex(KeyValueStorage.Batch batch, long n) {
    Optional<Block> old = canonicalHash(n).flatMap(this::blockByHash);
    old.ifPresent(o -> {
      for (var tx : o.transactions()) {
        batch.delete(key(TX_INDEX, TransactionHasher.hash(tx)));
      }
    });
    return old;
  }

  private void writeBlock(KeyValueStorage.Batch batch, Block block, List<Receipt> receipts) {
    byte[] hash = block.header().hash();
    batch.put(key(HEADER, hash), block.header().encode());
    batch.put(key(BLOCK, hash), block.encode());
    batch.put(key(RECEIPTS, hash), ReceiptCodec.encode(receipts));
  }

  /**
   * The canonical hash at {@code number}, if not above the head: setHead commits the canonical and
   * transaction indexes a moment before it moves the head, and readers must not see a block, or a
   * transaction's receipt, that "latest" does not yet reach.
   */
  private Optional<byte[]> visibleCanonicalHash(long number) {
    return number > head.number() ? Optional.empty() : canonicalHash(number);
  }

  private Optional<byte[]> canonicalHash(long number) {
    return Optional.ofNullable(storage.get(key(CANONICAL, number(number))));
  }

  private boolean hasState(byte[] stateRoot) {
    return Arrays.equals(stateRoot, Keccak256.EMPTY_TRIE_ROOT) || storage.get(key(TRIE_NODE, stateRoot)) != null;
  }

  private NodeStore nodeReader(byte prefix) {
    return new NodeStore() {
      @Override
      public byte[] get(byte[] hash) {
        return storage.get(key(prefix, hash));
      }

      @Override
      public void put(byte[] hash, byte[] encoded) {
        throw new UnsupportedOperationException("stored states are written only by an import");
      }
    };
  }

  private static NodeStore nodeWriter(KeyValueStorage.Batch batch, byte prefix) {
    return new NodeStore() {
      @Override
      public byte[] get(byte[] hash) {
        throw new UnsupportedOperationException("a batch is written, not read");
      }

      @Override
      public void put(byte[] hash, byte[] encoded) {
        batch.put(key(prefix, hash), encoded);
      }
    };
  }

  private static byte[] key(byte prefix, byte[] suffix) {
    byte[] key = new byte[suffix.length + 1];
    key[0] = prefix;
    System.arraycopy(suffix, 0, key, 1, suffix.length);
    return key;
  }

  private static byte[] number(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }

  private static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
