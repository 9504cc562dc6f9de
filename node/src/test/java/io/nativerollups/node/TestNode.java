package io.nativerollups.node;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.chain.DefaultBlockchain;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.mining.DefaultBlockBuilder;
import io.nativerollups.node.mining.DevBlockProducer;
import io.nativerollups.node.plugin.PluginRegistry;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import io.nativerollups.node.storage.KeyValueStorage;
import io.nativerollups.node.txpool.DefaultTransactionPool;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A node's parts wired as {@link Node} wires them, on the shipped dev genesis, with a manual clock.
 *
 * <p>Use it with try-with-resources, or as a test class's {@code @RegisterExtension final TestNode node =
 * TestNode.inMemory();} field: each test then gets a fresh node, closed after the test.
 */
public final class TestNode implements AutoCloseable, AfterEachCallback {
  public static final byte[] KEY = HexFormat.of().parseHex("3030059708a63acbaf2d62eba813162ae7baaeed56228f1ff3d232f80e2d99de");
  public static final byte[] KEY2 = HexFormat.of().parseHex("bdd95b5ba9fbda9af453c806479dade573f9ad4275bdc2ee78cb319a88602bdd");
  public static final Address SENDER = Secp256k1.addressOf(KEY);
  /** A plain account that holds nothing on the dev genesis: the usual transfer recipient. */
  public static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  public static final Address COINBASE = Address.fromHex("0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0");
  public static final long CHAIN_ID = 1337;

  public final KeyValueStorage storage;
  public final PluginRegistry plugins;
  public final DefaultBlockchain chain;
  public final DefaultTransactionPool pool;
  public final DefaultBlockBuilder builder;
  public final DevBlockProducer producer;
  public final AtomicLong clock = new AtomicLong(1_000);

  public TestNode(KeyValueStorage storage) throws Exception {
    this(storage, null);
  }

  /** @param registry plugin registrations to apply (null: a registry with none) */
  public TestNode(KeyValueStorage storage, PluginRegistry registry) throws Exception {
    this(storage, registry, genesis());
  }

  /** A node on {@code genesis} (its chain id must be {@link #CHAIN_ID} for the signed test transactions). */
  public TestNode(KeyValueStorage storage, PluginRegistry registry, Genesis genesis) throws Exception {
    this.storage = storage;
    this.plugins = registry != null ? registry : new PluginRegistry(genesis.config(), CHAIN_ID);
    chain = new DefaultBlockchain(storage, genesis, new BlockProcessor(genesis.chainConfig(), plugins));
    pool = new DefaultTransactionPool(chain);
    builder = new DefaultBlockBuilder(chain, pool, plugins.transactionSelectors(), pool::remove);
    producer = new DevBlockProducer(chain, builder, COINBASE, 0, clock::incrementAndGet, b -> pool.onNewHead(),
        () -> pool.pendingCount() > 0);
  }

  /** A node on in-memory storage and the dev genesis. */
  public static TestNode inMemory() {
    return inMemory(null);
  }

  /** A node on in-memory storage and {@code genesis} (null: the dev genesis). */
  public static TestNode inMemory(Genesis genesis) {
    // unchecked, so that a test class can create its node in a field initializer
    try {
      return new TestNode(new InMemoryKeyValueStorage(), null, genesis != null ? genesis : genesis());
    } catch (Exception e) {
      throw new IllegalStateException("the test node cannot start: " + e.getMessage(), e);
    }
  }

  public static Genesis genesis() throws Exception {
    return Genesis.load(Path.of("..", "genesis", "l1-dev.json"));
  }

  /** Seals one block from the pool. */
  public Block seal() {
    return producer.seal();
  }

  /** A signed EIP-1559 transfer from {@link #KEY}. */
  public static Transaction transfer(long nonce, Address to, long value) {
    return eip1559(KEY, nonce, to, value, 2, 10_000_000_000L, 21_000);
  }

  public static Transaction eip1559(byte[] key, long nonce, Address to, long value, long tip, long maxFee, long gas) {
    return TransactionSigner.sign(Transaction.builder(TransactionType.EIP1559)
        .chainId(UInt256.valueOf(CHAIN_ID)).nonce(nonce).gasLimit(gas).to(to).value(UInt256.valueOf(value))
        .maxPriorityFeePerGas(UInt256.valueOf(tip)).maxFeePerGas(UInt256.valueOf(maxFee)).data(new byte[0])
        .accessList(List.of()).build(), key);
  }

  @Override
  public void close() {
    producer.close();
    storage.close();
  }

  /** Closes the node after each test when registered as an extension. */
  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
