package io.nativerollups.evm.witness;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.LogsBloom;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cancun test chain without system contracts, building each block on its full state, and keeping
 * every state's trie nodes and codes in stores (nodes are immutable and keyed by hash, so one store
 * serves every block's pre-state).
 */
final class TestChain {
  static final ChainConfig CONFIG = new ChainConfig(1, ChainConfig.MAINNET_DEPOSIT_CONTRACT,
      List.of(new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN)));
  static final long GAS_LIMIT = 30_000_000;

  final InMemoryNodeStore nodes = new InMemoryNodeStore();
  final InMemoryNodeStore codes = new InMemoryNodeStore();
  private final InMemoryWorldState state;
  private final List<BlockHeader> headers = new ArrayList<>();
  private final Map<ByteBuffer, BlockHeader> byHash = new HashMap<>();
  private final BlockProcessor processor = new BlockProcessor(CONFIG);

  /** A chain whose genesis state is {@code genesis} (loaded through its setters, then committed). */
  TestChain(InMemoryWorldState genesis) {
    state = genesis;
    state.commitTransaction();
    byte[] root = state.rootHash();
    state.commit(nodes, codes);
    // gasUsed at the target keeps the base fee at 7 wei for block 1.
    add(new BlockHeader(new byte[32], BlockValidator.EMPTY_OMMERS_HASH, Address.ofLong(0), root,
        Keccak256.EMPTY_TRIE_ROOT, Keccak256.EMPTY_TRIE_ROOT, new byte[LogsBloom.SIZE], UInt256.ZERO, 0,
        GAS_LIMIT, GAS_LIMIT / 2, 1000, new byte[0], new byte[32], new byte[8], UInt256.valueOf(7),
        Keccak256.EMPTY_TRIE_ROOT, 0L, 0L, new byte[32], null));
  }

  BlockHeader head() {
    return headers.get(headers.size() - 1);
  }

  /** The header with {@code hash}, or null. */
  BlockHeader header(byte[] hash) {
    return byHash.get(ByteBuffer.wrap(hash));
  }

  /**
   * Builds the next block from {@code txs} with the processor's own {@link BlockProcessor#execute}
   * (so that its roots are right) on the chain's state, which it leaves as the block's post-state.
   */
  Block append(List<Transaction> txs) throws InvalidBlockException {
    BlockHeader parent = head();
    long number = parent.number() + 1;
    BlockHeader template = parent.toBuilder()
        .parentHash(parent.hash())
        .coinbase(Address.ofLong(0xc0ffee))
        .number(number)
        .timestamp(parent.timestamp() + 12)
        .mixHash(Keccak256.hash(Rlp.encodeLong(number)))
        .baseFeePerGas(BlockValidator.expectedBaseFee(parent))
        .transactionsRoot(MerklePatriciaTrie.orderedRoot(Block.of(parent, txs, List.of()).transactionEnvelopes()))
        .build();
    BlockResult result = processor.execute(state, Block.of(template, txs, List.of()), this::header);
    state.commit(nodes, codes);
    BlockHeader header = template.toBuilder()
        .gasUsed(result.gasUsed())
        .stateRoot(result.stateRoot())
        .receiptsRoot(result.receiptsRoot())
        .logsBloom(result.logsBloom())
        .build();
    add(header);
    return Block.of(header, txs, List.of());
  }

  private void add(BlockHeader header) {
    headers.add(header);
    byHash.put(ByteBuffer.wrap(header.hash()), header);
  }
}
