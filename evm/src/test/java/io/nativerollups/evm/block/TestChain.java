package io.nativerollups.evm.block;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A chain for tests: a genesis over an allocation, and blocks built on its head with the
 * processor's own {@link BlockProcessor#execute} (so that their roots are right) and then imported
 * with {@link BlockProcessor#process}.
 */
final class TestChain {
  static final byte[] KEY = HexFormat.of().parseHex("45".repeat(32));
  static final Address SENDER = Secp256k1.addressOf(KEY);
  static final Address COINBASE = Address.fromHex("0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0");
  static final long CHAIN_ID = 1;
  static final long GAS_LIMIT = 30_000_000;
  static final long BLOCK_TIME = 12;

  final ChainConfig config;
  final BlockProcessor processor;
  private final Consumer<WorldState> alloc;
  private final Map<String, BlockHeader> headers = new HashMap<>();
  private final List<Block> blocks = new ArrayList<>();
  BlockHeader head;

  /** A chain of {@code fork} from genesis whose sender holds 10^21 wei, plus {@code extraAlloc}. */
  TestChain(Fork fork, Consumer<WorldState> extraAlloc) {
    this(new ChainConfig(CHAIN_ID, ChainConfig.MAINNET_DEPOSIT_CONTRACT, List.of(new ForkActivation(
        fork.displayName(), fork, 0, fork == Fork.CANCUN ? BlobSchedule.CANCUN : BlobSchedule.PRAGUE))), extraAlloc);
  }

  TestChain(ChainConfig config, Consumer<WorldState> extraAlloc) {
    this(config, BlockExtension.NONE, extraAlloc);
  }

  TestChain(ChainConfig config, BlockExtension extension, Consumer<WorldState> extraAlloc) {
    this.config = config;
    this.processor = new BlockProcessor(config, extension);
    this.alloc = world -> {
      world.setBalance(SENDER, UInt256.fromBigInteger(java.math.BigInteger.TEN.pow(21)));
      extraAlloc.accept(world);
    };
    head = genesis(config.forkAt(0).rules(), freshGenesisState().rootHash());
    headers.put(key(head.hash()), head);
  }

  private InMemoryWorldState freshGenesisState() {
    InMemoryWorldState world = new InMemoryWorldState();
    alloc.accept(world);
    world.commitTransaction();
    return world;
  }

  private static BlockHeader genesis(Fork fork, byte[] stateRoot) {
    return new BlockHeader(new byte[32], BlockValidator.EMPTY_OMMERS_HASH, Address.ZERO, stateRoot,
        Keccak256.EMPTY_TRIE_ROOT, Keccak256.EMPTY_TRIE_ROOT, new byte[LogsBloom.SIZE], UInt256.ZERO, 0, GAS_LIMIT, 0,
        0, new byte[0], new byte[32], new byte[8], UInt256.valueOf(1_000_000_000L), Keccak256.EMPTY_TRIE_ROOT, 0L, 0L,
        new byte[32], fork.isAtLeast(Fork.PRAGUE) ? BlockProcessor.requestsHash(List.of()) : null);
  }

  /** The lookup of this chain's known headers. */
  BlockHeaders headers() {
    return h -> headers.get(key(h));
  }

  /** The state after the head, rebuilt from genesis. */
  InMemoryWorldState headState() throws InvalidBlockException {
    InMemoryWorldState world = freshGenesisState();
    for (Block b : blocks) {
      processor.process(world, b, headers());
    }
    return world;
  }

  /** The header fields of a child of the head, before execution fills in the results. */
  BlockHeader.Builder childTemplate(List<Transaction> txs, List<Withdrawal> withdrawals) {
    ForkActivation fork = config.forkAt(head.timestamp() + BLOCK_TIME);
    List<byte[]> ws = new ArrayList<>();
    for (Withdrawal w : withdrawals) {
      ws.add(w.encode());
    }
    long blobGas = 0;
    for (Transaction tx : txs) {
      blobGas += BlobSchedule.GAS_PER_BLOB * tx.blobVersionedHashes().size();
    }
    return head.toBuilder()
        .parentHash(head.hash())
        .coinbase(COINBASE)
        .number(head.number() + 1)
        .timestamp(head.timestamp() + BLOCK_TIME)
        .baseFeePerGas(BlockValidator.expectedBaseFee(head))
        .excessBlobGas(BlockValidator.expectedExcessBlobGas(head, fork))
        .blobGasUsed(blobGas)
        .gasUsed(0)
        .transactionsRoot(MerklePatriciaTrie.orderedRoot(Block.of(head, txs, withdrawals).transactionEnvelopes()))
        .withdrawalsRoot(MerklePatriciaTrie.orderedRoot(ws))
        .parentBeaconBlockRoot(Keccak256.hash(Rlp.encodeLong(head.number())))
        .requestsHash(fork.rules().isAtLeast(Fork.PRAGUE) ? new byte[32] : null);
  }

  /** A valid child of the head carrying {@code txs} and {@code withdrawals}. */
  Block build(List<Transaction> txs, List<Withdrawal> withdrawals) throws InvalidBlockException {
    return build(txs, withdrawals, UnaryOperator.identity());
  }

  /** A child of the head, its header changed by {@code tamper} after its results are filled in. */
  Block build(List<Transaction> txs, List<Withdrawal> withdrawals, UnaryOperator<BlockHeader.Builder> tamper)
      throws InvalidBlockException {
    BlockHeader template = childTemplate(txs, withdrawals).build();
    BlockResult result = processor.execute(headState(), Block.of(template, txs, withdrawals), headers());
    BlockHeader header = tamper.apply(template.toBuilder()
        .gasUsed(result.gasUsed())
        .stateRoot(result.stateRoot())
        .receiptsRoot(result.receiptsRoot())
        .logsBloom(result.logsBloom())
        .requestsHash(result.requestsHash())).build();
    return Block.of(header, txs, withdrawals);
  }

  /** Imports {@code block} onto the head; returns its result. */
  BlockResult importBlock(Block block) throws InvalidBlockException {
    InMemoryWorldState world = headState();
    BlockResult result = processor.process(world, block, headers());
    blocks.add(block);
    head = block.header();
    headers.put(key(head.hash()), head);
    return result;
  }

  /** Imports {@code block} on the head's state, which it leaves as it was; returns the state after it. */
  InMemoryWorldState tryImport(Block block) throws InvalidBlockException {
    InMemoryWorldState world = headState();
    processor.process(world, block, headers());
    return world;
  }

  /** A signed EIP-1559 transfer from {@link #SENDER}. */
  static Transaction transfer(long nonce, Address to, long value) {
    return transfer(nonce, to, UInt256.valueOf(value));
  }

  /** A signed EIP-1559 transfer from {@link #SENDER}. */
  static Transaction transfer(long nonce, Address to, UInt256 value) {
    return sign(Transaction.builder(TransactionType.EIP1559)
        .chainId(UInt256.valueOf(CHAIN_ID)).nonce(nonce).gasLimit(21_000).to(to).value(value)
        .maxPriorityFeePerGas(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(10_000_000_000L)).data(new byte[0])
        .accessList(List.of()));
  }

  /** A signed EIP-1559 call from {@link #SENDER}. */
  static Transaction call(long nonce, Address to, byte[] data, long gas) {
    return sign(Transaction.builder(TransactionType.EIP1559)
        .chainId(UInt256.valueOf(CHAIN_ID)).nonce(nonce).gasLimit(gas).to(to).value(UInt256.ZERO)
        .maxPriorityFeePerGas(UInt256.valueOf(2)).maxFeePerGas(UInt256.valueOf(10_000_000_000L)).data(data)
        .accessList(List.of()));
  }

  static Transaction sign(Transaction.Builder unsigned) {
    return TransactionSigner.sign(unsigned.build(), KEY);
  }

  static String key(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
