package io.nativerollups.bench.stateless;

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
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The stateless benchmark's chain: a Cancun genesis with many accounts, an ERC-20 token with many
 * holders, a constant-product swap pool and a storage-heavy contract (bytecode from
 * {@code programs/*.hex}), and one block built on it from a chosen mix of transactions. There are
 * no system contracts, so Cancun's beacon-root call does nothing.
 */
final class BlockMix {
  static final ChainConfig CONFIG = new ChainConfig(1, ChainConfig.MAINNET_DEPOSIT_CONTRACT,
      List.of(new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN)));
  static final long GAS_LIMIT = 30_000_000;

  static final Address TOKEN = Address.fromHex("0x000000000000000000000000000000000000700c");
  static final Address SWAP = Address.fromHex("0x0000000000000000000000000000000000005a17");
  static final Address STORAGE = Address.fromHex("0x0000000000000000000000000000000000005707");
  static final int USERS = 1000;
  static final int FILLER_ACCOUNTS = 20_000;
  static final int FILLER_HOLDERS = 5_000;
  static final int FILLED_SLOTS = 5_000;

  private static final byte[] TOKEN_CODE = program("Erc20Transfers");
  private static final byte[] SWAP_CODE = program("SimpleSwap");
  private static final byte[] STORAGE_CODE = program("StorageHeavy");
  private static final byte[][] KEYS = new byte[USERS][];
  private static final Address[] USER_ADDRESSES = new Address[USERS];

  static {
    for (int i = 0; i < USERS; i++) {
      KEYS[i] = UInt256.valueOf(i + 1).toBytes();
      USER_ADDRESSES[i] = Secp256k1.addressOf(KEYS[i]);
    }
  }

  /** How many transactions of each kind a block holds. */
  record Mix(String name, int transfers, int swaps, int storageCalls, int deployments) {}

  /** The genesis state, built afresh (about {@value #FILLER_ACCOUNTS} accounts). */
  static InMemoryWorldState genesisState() {
    InMemoryWorldState g = new InMemoryWorldState();
    UInt256 eth = UInt256.fromBigInteger(BigInteger.TEN.pow(20));
    UInt256 tokens = UInt256.fromBigInteger(BigInteger.TEN.pow(24));
    for (int i = 0; i < USERS; i++) {
      g.setBalance(USER_ADDRESSES[i], eth);
      g.setStorage(TOKEN, mappingSlot(USER_ADDRESSES[i], 0), tokens);
      g.setStorage(SWAP, mappingSlot(USER_ADDRESSES[i], 3), tokens);
    }
    for (int i = 0; i < FILLER_ACCOUNTS; i++) {
      g.setBalance(filler(i), UInt256.valueOf(i + 1));
    }
    for (int i = 0; i < FILLER_HOLDERS; i++) {
      g.setStorage(TOKEN, mappingSlot(filler(i), 0), UInt256.valueOf(i + 1));
    }
    for (int i = 0; i < FILLED_SLOTS; i++) {
      g.setStorage(STORAGE, mappingSlot(UInt256.valueOf(i), 0), UInt256.valueOf(i + 7));
    }
    g.setCode(TOKEN, TOKEN_CODE);
    g.setNonce(TOKEN, 1);
    g.setStorage(TOKEN, UInt256.ONE, tokens.add(tokens)); // totalSupply
    g.setStorage(TOKEN, mappingSlot(SWAP, 0), tokens);
    g.setCode(SWAP, SWAP_CODE);
    g.setNonce(SWAP, 1);
    g.setStorage(SWAP, UInt256.ZERO, UInt256.fromBytes(TOKEN.toArray()));
    g.setStorage(SWAP, UInt256.ONE, tokens);
    g.setStorage(SWAP, UInt256.valueOf(2), tokens);
    g.setCode(STORAGE, STORAGE_CODE);
    g.setNonce(STORAGE, 1);
    g.commitTransaction();
    return g;
  }

  /** A genesis header for {@code stateRoot}, its gas used at the target so that block 1's base fee stays 7 wei. */
  static BlockHeader genesisHeader(byte[] stateRoot) {
    return new BlockHeader(new byte[32], BlockValidator.EMPTY_OMMERS_HASH, Address.ofLong(0), stateRoot,
        Keccak256.EMPTY_TRIE_ROOT, Keccak256.EMPTY_TRIE_ROOT, new byte[LogsBloom.SIZE], UInt256.ZERO, 0, GAS_LIMIT,
        GAS_LIMIT / 2, 1000, new byte[0], new byte[32], new byte[8], UInt256.valueOf(7), Keccak256.EMPTY_TRIE_ROOT,
        0L, 0L, new byte[32], null);
  }

  /** The signed transactions of {@code mix}, each kind from its own senders. */
  static List<Transaction> transactions(Mix mix) {
    List<Transaction> txs = new ArrayList<>();
    int user = 0;
    for (int i = 0; i < mix.transfers(); i++) {
      // half to existing holders, half to fresh addresses
      Address to = i % 2 == 0 ? filler(i) : Address.ofLong(0xf00000L + i);
      txs.add(call(user++, TOKEN, abi("transfer(address,uint256)", UInt256.fromBytes(to.toArray()), UInt256.valueOf(1000)),
          100_000));
    }
    for (int i = 0; i < mix.swaps(); i++) {
      txs.add(call(user++, SWAP, abi("swap(uint256,uint256)", UInt256.valueOf(1_000_000_000_000_000_000L), UInt256.ZERO),
          200_000));
    }
    for (int i = 0; i < mix.storageCalls(); i++) {
      // half update filled slots, half create new ones
      long start = i % 2 == 0 ? i * 400L : 1_000_000L + i * 100L;
      txs.add(call(user++, STORAGE, abi("write(uint256,uint256)", UInt256.valueOf(start), UInt256.valueOf(25)),
          1_000_000));
    }
    for (int i = 0; i < mix.deployments(); i++) {
      txs.add(sign(user++, Transaction.builder(TransactionType.EIP1559).data(deployment(TOKEN_CODE)), 1_000_000));
    }
    return txs;
  }

  /**
   * Builds block 1 on {@code state} (the genesis state with root {@code genesis.stateRoot()}) from
   * {@code txs} with the processor's own {@link BlockProcessor#execute}, so that its roots are
   * right; {@code state} becomes the post-state.
   */
  static Block build(InMemoryWorldState state, BlockHeader genesis, List<Transaction> txs) throws InvalidBlockException {
    BlockHeader template = genesis.toBuilder()
        .parentHash(genesis.hash())
        .coinbase(Address.ofLong(0xc0ffee))
        .number(1)
        .timestamp(genesis.timestamp() + 12)
        .mixHash(Keccak256.hash(Rlp.encodeLong(1)))
        .baseFeePerGas(BlockValidator.expectedBaseFee(genesis))
        .transactionsRoot(MerklePatriciaTrie.orderedRoot(Block.of(genesis, txs, List.of()).transactionEnvelopes()))
        .build();
    BlockResult result = new BlockProcessor(CONFIG)
        .execute(state, Block.of(template, txs, List.of()), h -> Arrays.equals(h, genesis.hash()) ? genesis : null);
    if (result.receipts().stream().anyMatch(r -> !r.success())) {
      throw new IllegalStateException("a benchmark transaction failed");
    }
    BlockHeader header = template.toBuilder()
        .gasUsed(result.gasUsed())
        .stateRoot(result.stateRoot())
        .receiptsRoot(result.receiptsRoot())
        .logsBloom(result.logsBloom())
        .build();
    return Block.of(header, txs, List.of());
  }

  /** The genesis state's trie nodes and codes, as a full node's store would hold them. */
  static InMemoryNodeStore[] stores(InMemoryWorldState genesis) {
    InMemoryNodeStore nodes = new InMemoryNodeStore();
    InMemoryNodeStore codes = new InMemoryNodeStore();
    genesis.commit(nodes, codes);
    return new InMemoryNodeStore[] {nodes, codes};
  }

  private static Address filler(int i) {
    return Address.ofLong(0x1_0000_0000L + i * 7919L);
  }

  /** Solidity's slot of {@code mapping[key]} for a mapping at {@code slot}. */
  private static UInt256 mappingSlot(Address key, int slot) {
    return mappingSlot(UInt256.fromBytes(key.toArray()), slot);
  }

  private static UInt256 mappingSlot(UInt256 key, int slot) {
    byte[] preimage = new byte[64];
    System.arraycopy(key.toBytes(), 0, preimage, 0, 32);
    System.arraycopy(UInt256.valueOf(slot).toBytes(), 0, preimage, 32, 32);
    return UInt256.fromBytes(Keccak256.hash(preimage));
  }

  private static Transaction call(int user, Address to, byte[] data, long gas) {
    return sign(user, Transaction.builder(TransactionType.EIP1559).to(to).data(data), gas);
  }

  private static Transaction sign(int user, Transaction.Builder b, long gas) {
    Transaction tx = b.chainId(UInt256.ONE).nonce(0).gasLimit(gas).value(UInt256.ZERO)
        .maxPriorityFeePerGas(UInt256.ONE).maxFeePerGas(UInt256.valueOf(100)).accessList(List.of()).build();
    return TransactionSigner.sign(tx, KEYS[user]);
  }

  private static byte[] abi(String signature, UInt256... args) {
    byte[] data = new byte[4 + 32 * args.length];
    System.arraycopy(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 0, data, 0, 4);
    for (int i = 0; i < args.length; i++) {
      System.arraycopy(args[i].toBytes(), 0, data, 4 + 32 * i, 32);
    }
    return data;
  }

  /** Init code that returns {@code runtime}: CODECOPY the code after this 14-byte prefix, RETURN it. */
  private static byte[] deployment(byte[] runtime) {
    int n = runtime.length;
    byte[] prefix = {0x61, (byte) (n >> 8), (byte) n, 0x60, 0x0e, 0x60, 0x00, 0x39,
        0x61, (byte) (n >> 8), (byte) n, 0x60, 0x00, (byte) 0xf3};
    byte[] init = Arrays.copyOf(prefix, prefix.length + n);
    System.arraycopy(runtime, 0, init, prefix.length, n);
    return init;
  }

  private static byte[] program(String name) {
    try (InputStream in = BlockMix.class.getResourceAsStream("/programs/" + name + ".hex")) {
      if (in == null) {
        throw new IllegalStateException("missing resource programs/" + name + ".hex");
      }
      return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
