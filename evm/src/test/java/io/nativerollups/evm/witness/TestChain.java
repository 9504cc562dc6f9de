package io.nativerollups.evm.witness;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.LogsBloom;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cancun test chain without system contracts: it builds valid blocks by executing transactions
 * on its full state and filling in the header's computed fields, and keeps every state's trie
 * nodes and codes in stores (nodes are immutable and keyed by hash, so one store serves every
 * block's pre-state).
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
  private final TransactionProcessor transactions = new TransactionProcessor(Fork.CANCUN);

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

  /** Builds the next block from {@code txs} (each must be valid) and applies it to the chain's state. */
  Block append(List<Transaction> txs) throws InvalidBlockException {
    BlockHeader parent = head();
    long number = parent.number() + 1;
    long timestamp = parent.timestamp() + 12;
    Address coinbase = Address.ofLong(0xc0ffee);
    byte[] mixHash = Keccak256.hash(Rlp.encodeLong(number));
    UInt256 baseFee = BlockValidator.expectedBaseFee(parent);
    BlockContext context = new BlockContext(coinbase, number, timestamp, GAS_LIMIT, baseFee, mixHash, UInt256.ONE,
        CONFIG.chainId(), n -> n < headers.size() ? headers.get((int) n).hash() : null);
    long gasUsed = 0;
    List<byte[]> envelopes = new ArrayList<>();
    List<byte[]> receipts = new ArrayList<>();
    byte[] bloom = new byte[LogsBloom.SIZE];
    for (Transaction tx : txs) {
      TransactionResult result = transactions.process(state, context, tx);
      if (!result.valid()) {
        throw new IllegalArgumentException("test transaction invalid: " + result.invalidReason());
      }
      gasUsed += result.gasUsed();
      Receipt receipt = Receipt.of(tx.type(), result.success(), gasUsed, result.logs());
      LogsBloom.accumulate(bloom, receipt.logsBloom());
      receipts.add(receipt.encode());
      envelopes.add(TransactionEncoder.encode(tx));
    }
    byte[] root = state.rootHash();
    state.commit(nodes, codes);
    BlockHeader header = new BlockHeader(parent.hash(), BlockValidator.EMPTY_OMMERS_HASH, coinbase, root,
        MerklePatriciaTrie.orderedRoot(envelopes), MerklePatriciaTrie.orderedRoot(receipts), bloom, UInt256.ZERO,
        number, GAS_LIMIT, gasUsed, timestamp, new byte[0], mixHash, new byte[8], baseFee, Keccak256.EMPTY_TRIE_ROOT,
        0L, 0L, new byte[32], null);
    add(header);
    Block block = new Block(header, txs, envelopes, List.of(), List.of(), 0);
    return Block.decode(block.encode());
  }

  private void add(BlockHeader header) {
    headers.add(header);
    byHash.put(ByteBuffer.wrap(header.hash()), header);
  }
}
