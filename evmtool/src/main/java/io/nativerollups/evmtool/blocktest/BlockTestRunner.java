package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockError;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.witness.ExecutionWitness;
import io.nativerollups.evm.witness.InvalidWitnessException;
import io.nativerollups.evm.witness.StatelessExecutor;
import io.nativerollups.evm.witness.WitnessRecorder;
import io.nativerollups.evmtool.statetest.Hex;
import io.nativerollups.evmtool.statetest.StateTest.PreAccount;
import io.nativerollups.evmtool.statetest.StateTestRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one blockchain test: imports its blocks in order on top of the genesis, each onto its
 * parent, checks that every block the fixture marks with {@code expectException} is rejected for
 * that reason and every other one accepted, then compares the head with {@code lastblockhash} and
 * its state with the post-state.
 *
 * <p>An invalid block leaves the state it ran on part-way, so the state of a parent is rebuilt by
 * replaying the accepted blocks from the genesis when it is needed again.
 *
 * <p>In stateless mode each accepted block is also re-executed from its execution witness alone
 * (recorded against the parent's full state, then RLP-encoded and decoded), and the test passes
 * only if that run is valid too and gives the header's state root, receipts root and gas used.
 */
public final class BlockTestRunner {
  private static final int MAX_DIFFS = 3;
  private final boolean stateless;

  /** A runner that imports blocks against full state only. */
  public BlockTestRunner() {
    this(false);
  }

  /** @param stateless also re-execute every accepted block from its recorded witness alone */
  public BlockTestRunner(boolean stateless) {
    this.stateless = stateless;
  }

  /** Runs {@code test}; an exception while running fails it with the exception's message. */
  public BlockTestResult run(String file, BlockTest test) {
    if (test.unsupported() != null) {
      return result(file, test, BlockTestResult.Status.SKIPPED, test.unsupported());
    }
    ChainConfig config;
    try {
      config = Networks.chainConfig(test.network(), test.chainId(), test.blobSchedule());
    } catch (IllegalArgumentException e) {
      return result(file, test, BlockTestResult.Status.FAILED, e.getMessage());
    }
    if (config == null) {
      return result(file, test, BlockTestResult.Status.SKIPPED, BlockTest.BEFORE_CANCUN);
    }
    String failure;
    try {
      failure = new Import(test, new BlockProcessor(config), stateless).run();
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      StackTraceElement[] trace = e.getStackTrace();
      failure = "exception " + e + (trace.length > 0 ? " at " + trace[0] : "");
    }
    return result(file, test, failure == null ? BlockTestResult.Status.PASSED : BlockTestResult.Status.FAILED, failure);
  }

  private static BlockTestResult result(String file, BlockTest test, BlockTestResult.Status status, String message) {
    return new BlockTestResult(file, test.name(), test.network(), status, message);
  }

  /** The import of one test's blocks. */
  private static final class Import {
    private final BlockTest test;
    private final BlockProcessor processor;
    private final boolean stateless;
    private final Map<String, BlockHeader> headers = new HashMap<>();
    private final Map<String, Block> accepted = new HashMap<>();
    private final String genesisHash;
    /** The state after {@code stateHash}'s block; null when it must be rebuilt. */
    private InMemoryWorldState state;
    private String stateHash;

    Import(BlockTest test, BlockProcessor processor, boolean stateless) {
      this.test = test;
      this.processor = processor;
      this.stateless = stateless;
      BlockHeader genesis = BlockHeader.decode(Rlp.decode(test.genesisRlp()).items().get(0)); // genesisRLP is the whole block
      genesisHash = key(genesis.hash());
      headers.put(genesisHash, genesis);
    }

    /** Null if the test passes, else why not. */
    String run() {
      InMemoryWorldState pre = StateTestRunner.preState(test.pre());
      if (!Arrays.equals(pre.rootHash(), headers.get(genesisHash).stateRoot())) {
        return "the pre-state's root is not the genesis state root";
      }
      state = pre;
      stateHash = genesisHash;
      String head = genesisHash;
      for (int i = 0; i < test.blocks().size(); i++) {
        BlockTest.TestBlock testBlock = test.blocks().get(i);
        String hash;
        try {
          hash = importBlock(testBlock.rlp(), i + 1);
        } catch (InvalidBlockException e) {
          if (!testBlock.mustBeRejected()) {
            return "block " + (i + 1) + " rejected: " + e.getMessage();
          }
          if (!matches(e.error(), testBlock.expectException())) {
            return "block " + (i + 1) + " rejected for " + e.getMessage() + ", expected " + testBlock.expectException();
          }
          continue;
        }
        if (testBlock.mustBeRejected()) {
          return "block " + (i + 1) + " accepted, expected rejection: " + testBlock.expectException();
        }
        if (statelessFailure != null) {
          return statelessFailure;
        }
        head = hash;
      }
      if (!head.equals(key(test.lastBlockHash()))) {
        return "head is " + head + ", expected lastblockhash " + key(test.lastBlockHash());
      }
      return checkPostState(stateAfter(head));
    }

    /** Why the stateless run of the last accepted block failed; null if it passed or did not run. */
    private String statelessFailure;

    /** Validates and executes one block; returns its hash. */
    private String importBlock(byte[] rlp, int number) throws InvalidBlockException {
      Block block = Block.decode(rlp);
      String parent = key(block.header().parentHash());
      if (!headers.containsKey(parent)) {
        throw new InvalidBlockException(BlockError.UNKNOWN_PARENT, "parent " + parent + " is not known");
      }
      InMemoryWorldState world = stateAfter(parent);
      state = null; // consumed: valid or not, it no longer is the parent's state
      InMemoryNodeStore preNodes = new InMemoryNodeStore();
      InMemoryNodeStore preCodes = new InMemoryNodeStore();
      if (stateless) {
        world.commit(preNodes, preCodes);
      }
      BlockResult result = processor.process(world, block, h -> headers.get(key(h)));
      statelessFailure = stateless ? reexecuteStatelessly(block, result, preNodes, preCodes, number) : null;
      String hash = key(block.header().hash());
      headers.put(hash, block.header());
      accepted.put(hash, block);
      state = world;
      stateHash = hash;
      return hash;
    }

    /**
     * Records the witness of the accepted {@code block} from its parent's full state, then executes
     * the block from the encoded witness alone; null if that run agrees with the header and with
     * {@code full}, else why not.
     */
    private String reexecuteStatelessly(Block block, BlockResult full, InMemoryNodeStore preNodes,
        InMemoryNodeStore preCodes, int number) {
      String prefix = "block " + number + " stateless: ";
      try {
        ExecutionWitness witness = new WitnessRecorder(processor)
            .record(block, h -> headers.get(key(h)), preNodes, preCodes).witness();
        StatelessExecutor.Result r = new StatelessExecutor(processor).execute(block, ExecutionWitness.decode(witness.encode()));
        if (!Arrays.equals(r.stateRoot(), block.header().stateRoot()) || !Arrays.equals(r.stateRoot(), full.stateRoot())) {
          return prefix + "state root " + Hex.format(r.stateRoot()) + ", expected " + Hex.format(block.header().stateRoot());
        }
        if (!Arrays.equals(r.receiptsRoot(), block.header().receiptsRoot())) {
          return prefix + "receipts root " + Hex.format(r.receiptsRoot()) + ", expected "
              + Hex.format(block.header().receiptsRoot());
        }
        if (r.gasUsed() != full.gasUsed()) {
          return prefix + "gas used " + r.gasUsed() + ", expected " + full.gasUsed();
        }
        return null;
      } catch (InvalidBlockException | InvalidWitnessException e) {
        return prefix + e.getMessage();
      }
    }

    /** The state after block {@code hash}, rebuilt by replay if the current one is another block's. */
    private InMemoryWorldState stateAfter(String hash) {
      if (state != null && hash.equals(stateHash)) {
        return state;
      }
      Deque<Block> path = new ArrayDeque<>();
      for (String h = hash; !h.equals(genesisHash); ) {
        Block b = Objects.requireNonNull(accepted.get(h), "no accepted block " + h);
        path.push(b);
        h = key(b.header().parentHash());
      }
      InMemoryWorldState world = StateTestRunner.preState(test.pre());
      for (Block b : path) {
        try {
          processor.process(world, b, h -> headers.get(key(h)));
        } catch (InvalidBlockException e) {
          throw new IllegalStateException("replaying accepted block " + key(b.header().hash()) + ": " + e.getMessage(), e);
        }
      }
      state = world;
      stateHash = hash;
      return world;
    }

    private String checkPostState(InMemoryWorldState world) {
      byte[] root = world.rootHash();
      if (test.postState() == null) {
        return Arrays.equals(root, test.postStateHash()) ? null
            : "state root " + Hex.format(root) + ", expected postStateHash " + Hex.format(test.postStateHash());
      }
      byte[] expectedRoot = StateTestRunner.preState(test.postState()).rootHash();
      if (Arrays.equals(root, expectedRoot)) {
        return null;
      }
      List<String> diffs = new ArrayList<>();
      for (Map.Entry<Address, PreAccount> e : test.postState().entrySet()) {
        String diff = accountDiff(world, e.getKey(), e.getValue());
        if (diff != null && diffs.size() < MAX_DIFFS) {
          diffs.add(diff);
        }
      }
      return "state root " + Hex.format(root) + ", expected " + Hex.format(expectedRoot)
          + (diffs.isEmpty() ? " (accounts absent from the post-state differ)" : ": " + String.join("; ", diffs));
    }
  }

  private static String accountDiff(InMemoryWorldState world, Address address, PreAccount expected) {
    if (world.getNonce(address) != expected.nonce()) {
      return address + " nonce " + world.getNonce(address) + " != " + expected.nonce();
    }
    if (!world.getBalance(address).equals(expected.balance())) {
      return address + " balance " + world.getBalance(address) + " != " + expected.balance();
    }
    if (!Arrays.equals(world.getCode(address), expected.code())) {
      return address + " code differs";
    }
    for (Map.Entry<UInt256, UInt256> slot : expected.storage().entrySet()) {
      UInt256 actual = world.getStorage(address, slot.getKey());
      if (!actual.equals(slot.getValue())) {
        return address + " storage " + slot.getKey() + " = " + actual + " != " + slot.getValue();
      }
    }
    return null;
  }

  /** Whether {@code error} answers to one of the fixture's {@code |}-separated exception names. */
  static boolean matches(BlockError error, String expectException) {
    for (String name : expectException.split("\\|")) {
      if (error.answersTo(name.trim())) {
        return true;
      }
    }
    return false;
  }

  private static String key(byte[] hash) {
    return Hex.format(hash);
  }
}
