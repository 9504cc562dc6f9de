package io.nativerollups.evmtool.statetest;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.evmtool.statetest.StateTest.Environment;
import io.nativerollups.evmtool.statetest.StateTest.PostState;
import io.nativerollups.evmtool.statetest.StateTest.PreAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs single state-test cases: builds the pre-state and the transaction, lets the fork's {@link
 * TransactionProcessor} apply it, and compares the state root and the logs hash with the fixture.
 * Not thread-safe (it keeps one processor per fork); use one runner per thread.
 */
public final class StateTestRunner {
  private final Map<Fork, TransactionProcessor> processors = new EnumMap<>(Fork.class);

  /**
   * Runs case {@code index} of {@code post[fork]}. Any exception thrown while running it makes the
   * case fail with that exception's message.
   */
  public CaseResult run(String file, StateTest test, Fork fork, int index) {
    PostState post = test.post().get(fork.displayName()).get(index);
    String failure;
    byte[] root = null;
    try {
      Outcome outcome = execute(test, fork, post);
      root = outcome.root();
      failure = judge(post, outcome);
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      StackTraceElement[] trace = e.getStackTrace();
      failure = "exception " + e + (trace.length > 0 ? " at " + trace[0] : "");
    }
    return new CaseResult(file, test.name(), fork.displayName(), index, failure, post.hash(), root);
  }

  /** What running a case produced; {@code invalidReason} is null when the transaction was applied. */
  private record Outcome(String invalidReason, byte[] root, List<Log> logs) {}

  private Outcome execute(StateTest test, Fork fork, PostState post) {
    InMemoryWorldState world = preState(test.pre());
    String invalidReason = null;
    List<Log> logs = List.of();
    Transaction tx = null;
    try {
      tx = test.transaction().build(post.dataIndex(), post.gasIndex(), post.valueIndex(), test.chainId());
    } catch (IllegalArgumentException e) {
      invalidReason = e.getMessage();
    }
    if (tx != null) {
      TransactionResult result = processor(fork).process(world, blockContext(test.env(), fork, test.chainId()), tx);
      if (result.valid()) {
        logs = result.logs();
      } else {
        invalidReason = result.invalidReason();
      }
    }
    return new Outcome(invalidReason, world.rootHash(), logs);
  }

  /** Null if the outcome matches the fixture, else why not. */
  private static String judge(PostState post, Outcome outcome) {
    String invalidReason = outcome.invalidReason();
    byte[] root = outcome.root();
    if (post.expectException() != null && invalidReason == null) {
      return "expected exception " + post.expectException() + " but the transaction was valid";
    }
    if (post.expectException() == null && invalidReason != null) {
      return "unexpected invalid transaction: " + invalidReason;
    }
    if (!Arrays.equals(root, post.hash())) {
      return "expected root " + Hex.format(post.hash()) + " got " + Hex.format(root);
    }
    byte[] logsHash = logsHash(outcome.logs());
    if (!Arrays.equals(logsHash, post.logsHash())) {
      return "expected logs hash " + Hex.format(post.logsHash()) + " got " + Hex.format(logsHash);
    }
    return null;
  }

  private TransactionProcessor processor(Fork fork) {
    return processors.computeIfAbsent(fork, TransactionProcessor::new);
  }

  /** The pre-state, committed so that its empty accounts count as existing ones. */
  public static InMemoryWorldState preState(Map<Address, PreAccount> pre) {
    InMemoryWorldState world = new InMemoryWorldState();
    pre.forEach((address, account) -> {
      world.setNonce(address, account.nonce());
      world.setBalance(address, account.balance());
      world.setCode(address, account.code());
      account.storage().forEach((key, value) -> world.setStorage(address, key, value));
    });
    world.commitTransaction();
    return world;
  }

  /**
   * The block of a state test. BLOCKHASH(n) answers keccak256 of n written in decimal ASCII, as
   * the runners that filled the fixtures do.
   */
  static BlockContext blockContext(Environment env, Fork fork, long chainId) {
    UInt256 blobBaseFee = GasCalculator.forFork(fork).blobBaseFee(env.excessBlobGas());
    return new BlockContext(
        env.coinbase(),
        env.number(),
        env.timestamp(),
        env.gasLimit(),
        env.baseFee(),
        env.prevRandao(),
        blobBaseFee,
        chainId,
        n -> Keccak256.hash(Long.toUnsignedString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  /** keccak256 of the RLP list of logs, each {@code [address, [topics...], data]}. */
  static byte[] logsHash(List<Log> logs) {
    List<byte[]> encoded = new ArrayList<>(logs.size());
    for (Log log : logs) {
      List<byte[]> topics = new ArrayList<>(log.topics().size());
      for (byte[] topic : log.topics()) {
        topics.add(Rlp.encodeBytes(topic));
      }
      encoded.add(Rlp.encodeList(
          Rlp.encodeBytes(log.address().toArray()), Rlp.encodeList(topics), Rlp.encodeBytes(log.data())));
    }
    return Keccak256.hash(Rlp.encodeList(encoded));
  }
}
