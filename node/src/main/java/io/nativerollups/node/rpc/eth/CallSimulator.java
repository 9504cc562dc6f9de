package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.json.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link CallRequest} as a transaction on a private copy of a block's state, which is then
 * dropped: eth_call, eth_estimateGas (binary search over the gas limit) and eth_createAccessList
 * (run until the list of warmed addresses and slots stops changing).
 *
 * <p>As in geth: the block context is the block's own header with the {@link BlockOverrides}
 * applied (whose time also chooses the fork rules and precompiles); the sender's nonce is taken
 * from the state (a given nonce is not checked); a request naming no gas price runs with a base
 * fee of zero so that it pays nothing, and one with a blob fee cap of zero (or a blob request
 * without one) with a blob base fee of zero; the gas limit defaults to the block's gas limit
 * capped by the fork's transaction cap (EIP-7825). A sender that has code runs as if it had none
 * (geth skips EIP-3607 for calls); that copy of the state drops the code only when the plain run
 * is refused for it.
 */
public final class CallSimulator {
  /** Error(string)'s selector, decoded into the revert message. */
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  /** A plain transfer's gas: eth_estimateGas ignores a requested gas below it, as geth does. */
  private static final long TRANSFER_GAS = 21_000;
  /** geth's estimate of a CALL's stipend, added to the first optimistic gas guess. */
  private static final long CALL_STIPEND = 2300;
  private static final int MAX_ACCESS_LIST_ROUNDS = 16;

  private final Blockchain chain;
  private final BlockResolver blocks;
  private final TransactionProcessors processors;

  public CallSimulator(BlockResolver blocks, TransactionProcessors processors) {
    this.chain = blocks.chain();
    this.blocks = blocks;
    this.processors = processors;
  }

  /** What one run produced. */
  public record Run(Transaction tx, TransactionResult result) {}

  /**
   * Where a request runs: on the state after {@code stateHeader}'s block, with {@code overrides}
   * applied, under the block fields of {@code header} (the overridden ones).
   */
  private final class Env {
    private final BlockHeader stateHeader;
    private final BlockHeader header;
    /** {@code header}'s context (the overridden blob base fee or the one it implies), before a request's fee rules. */
    private final BlockContext blockContext;
    private final StateOverrides overrides;
    private TransactionProcessor processor;

    Env(BlockHeader block, StateOverrides overrides, BlockOverrides blockOverrides) {
      this.stateHeader = block;
      this.header = blockOverrides.applyTo(block);
      ChainConfig config = chain.config();
      UInt256 blobBaseFee = blockOverrides.blobBaseFee() != null ? blockOverrides.blobBaseFee()
          : blobBaseFee(config, header);
      this.blockContext = new BlockContext(header.coinbase(), header.number(), header.timestamp(), header.gasLimit(),
          header.baseFeePerGas() == null ? UInt256.ZERO : header.baseFeePerGas(), header.mixHash(), blobBaseFee,
          config.chainId(), n -> chain.headerByNumber(n).map(BlockHeader::hash).orElse(null));
      this.overrides = overrides;
    }

    BlockHeader stateHeader() {
      return stateHeader;
    }

    BlockHeader header() {
      return header;
    }

    BlockContext blockContext() {
      return blockContext;
    }

    StateOverrides overrides() {
      return overrides;
    }

    /**
     * The processor every run of this request uses, resolved at the first run (which is where the
     * overrides' precompile moves are checked) rather than again for each of eth_estimateGas's runs.
     */
    TransactionProcessor processor() {
      if (processor == null) {
        processor = processors.processor(header.timestamp(), overrides);
      }
      return processor;
    }
  }

  /**
   * eth_call: runs the request and returns its output.
   *
   * @throws JsonRpcException code 3 with the revert data when execution reverts, -32000 when the
   *     transaction is not valid in that state (insufficient funds, gas too low...)
   */
  public byte[] call(BlockHeader block, CallRequest request, StateOverrides overrides, BlockOverrides blockOverrides) {
    Env env = new Env(block, overrides, blockOverrides);
    Run run = run(env, request, defaultGas(env.header(), request), UnaryOperator.identity(), null);
    if (!run.result().success()) {
      if (run.result().gasUsed() < run.tx().gasLimit()) {
        throw reverted(run.result().output());
      }
      throw JsonRpcException.serverError("execution failed: out of gas or invalid instruction (used all "
          + run.tx().gasLimit() + " gas)");
    }
    return run.result().output();
  }

  /**
   * eth_estimateGas: the smallest gas limit with which the request succeeds, searched up to the
   * request's gas (one below a transfer's 21000 is ignored, as geth does), the block's gas limit and
   * the fork's transaction cap, and what the sender can pay for.
   *
   * @throws JsonRpcException code 3 when it reverts even with all the gas allowed, -32000 "gas
   *     required exceeds allowance" when it runs out of gas there or that gas does not even cover
   *     the intrinsic gas, or the transaction's error
   */
  public long estimateGas(BlockHeader block, CallRequest request, StateOverrides overrides,
      BlockOverrides blockOverrides) {
    Env env = new Env(block, overrides, blockOverrides);
    BlockHeader header = env.header();
    GasCalculator gas = GasCalculator.forFork(processors.forkAt(header.timestamp()));
    long requested = request.gas() != null && request.gas() >= TRANSFER_GAS ? request.gas() : header.gasLimit();
    long hi = Math.min(Math.min(requested, gas.maxTransactionGasLimit()), allowance(env, request));
    Run top = tryRun(env, request, hi, UnaryOperator.identity(), null);
    if (!top.result().valid()) {
      // geth raises the limit past an intrinsic-gas rejection; at the top of the range none is left
      if (!top.result().invalidReason().contains("intrinsic gas")) {
        throw JsonRpcException.serverError(gethMessage(top.result().invalidReason()));
      }
      throw JsonRpcException.serverError("gas required exceeds allowance (" + hi + ")");
    }
    if (!top.result().success()) {
      if (top.result().gasUsed() < hi) {
        throw reverted(top.result().output());
      }
      throw JsonRpcException.serverError("gas required exceeds allowance (" + hi + ")");
    }
    long lo = Math.max(gas.transactionIntrinsicGas(top.tx()), gas.transactionFloorGas(top.tx())) - 1;
    lo = Math.max(lo, top.result().gasUsed() - 1);
    // most transactions need what they used plus what the 63/64 rule withheld: try that first
    long optimistic = Math.min(hi, (top.result().gasUsed() + CALL_STIPEND) * 64 / 63);
    if (optimistic > lo && optimistic < hi) {
      if (succeeds(env, request, optimistic)) {
        hi = optimistic;
      } else {
        lo = optimistic;
      }
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (succeeds(env, request, mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /**
   * debug_traceCall: runs the request as eth_call does, watched by {@code tracer}; a failing run is
   * no error here, the trace tells how it failed.
   *
   * @throws JsonRpcException -32000 when the transaction is not valid in that state
   */
  public Run trace(BlockHeader block, CallRequest request, StateOverrides overrides, BlockOverrides blockOverrides,
      OperationTracer tracer) {
    Env env = new Env(block, overrides, blockOverrides);
    return run(env, request, defaultGas(env.header(), request), UnaryOperator.identity(), tracer);
  }

  private boolean succeeds(Env env, CallRequest request, long gas) {
    Run run = tryRun(env, request, gas, UnaryOperator.identity(), null);
    return run.result().valid() && run.result().success();
  }

  /** eth_createAccessList's answer. */
  public record AccessListResult(List<AccessListEntry> accessList, long gasUsed, String error) {}

  /** eth_createAccessList: the addresses and slots the request touches, and the gas it uses with them listed. */
  public AccessListResult createAccessList(BlockHeader header, CallRequest request, StateOverrides overrides) {
    Env env = new Env(header, overrides, BlockOverrides.NONE);
    long gas = defaultGas(header, request);
    List<AccessListEntry> list = request.accessList() == null ? List.of() : request.accessList();
    for (int round = 0; round < MAX_ACCESS_LIST_ROUNDS; round++) {
      CallRequest withList = request.withAccessList(list);
      AccessRecordingWorldState[] recorder = new AccessRecordingWorldState[1];
      Run run = run(env, withList, gas, world -> recorder[0] = new AccessRecordingWorldState(world), null);
      List<AccessListEntry> found = accessList(recorder[0].accessed(), excluded(header, run.tx()));
      if (sameList(found, list)) {
        String error = run.result().success() ? null
            : run.result().gasUsed() < gas ? revertMessage(run.result().output()) : "out of gas";
        return new AccessListResult(found, run.result().gasUsed(), error);
      }
      list = found;
    }
    throw JsonRpcException.serverError("access list did not settle after " + MAX_ACCESS_LIST_ROUNDS + " runs");
  }

  /** Addresses that are warm anyway and are left out unless a slot of theirs was accessed. */
  private Set<Address> excluded(BlockHeader header, Transaction tx) {
    Set<Address> excluded = new HashSet<>(processors.precompiles(header.timestamp()));
    excluded.add(tx.sender());
    excluded.add(header.coinbase());
    excluded.add(tx.to() != null ? tx.to() : EVM.createAddress(tx.sender(), tx.nonce()));
    return excluded;
  }

  private static List<AccessListEntry> accessList(Map<Address, Set<UInt256>> accessed, Set<Address> excluded) {
    List<AccessListEntry> list = new ArrayList<>();
    accessed.forEach((address, slots) -> {
      if (!slots.isEmpty() || !excluded.contains(address)) {
        list.add(new AccessListEntry(address, List.copyOf(slots)));
      }
    });
    return list;
  }

  private static boolean sameList(List<AccessListEntry> a, List<AccessListEntry> b) {
    return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
  }

  /** The gas of a request that names none: the block's gas limit, within the fork's transaction cap. */
  long defaultGas(BlockHeader header, CallRequest request) {
    if (request.gas() != null) {
      return request.gas();
    }
    long cap = GasCalculator.forFork(processors.forkAt(header.timestamp())).maxTransactionGasLimit();
    return Math.min(header.gasLimit(), cap);
  }

  /** How much gas the sender can pay for at the request's price (unlimited when it pays nothing). */
  private long allowance(Env env, CallRequest request) {
    if (!request.paysFees()) {
      return Long.MAX_VALUE;
    }
    UInt256 feeCap = request.gasPrice() != null ? request.gasPrice()
        : request.maxFeePerGas() != null ? request.maxFeePerGas() : request.maxPriorityFeePerGas();
    WorldState world = state(env);
    BigInteger available = world.getBalance(request.sender()).toBigInteger();
    BigInteger value = request.value() == null ? BigInteger.ZERO : request.value().toBigInteger();
    // geth: a value that leaves nothing to pay gas with (an empty account's zero included) cannot move
    if (available.compareTo(value) <= 0) {
      throw JsonRpcException.serverError("insufficient funds for transfer");
    }
    BigInteger gas = available.subtract(value).divide(feeCap.toBigInteger());
    return gas.bitLength() < 63 ? gas.longValueExact() : Long.MAX_VALUE;
  }

  /** Runs once and turns an invalid transaction into its -32000 error. */
  private Run run(Env env, CallRequest request, long gas, UnaryOperator<WorldState> wrap, OperationTracer tracer) {
    Run run = tryRun(env, request, gas, wrap, tracer);
    if (!run.result().valid()) {
      throw JsonRpcException.serverError(gethMessage(run.result().invalidReason()));
    }
    return run;
  }

  private Run tryRun(Env env, CallRequest request, long gas, UnaryOperator<WorldState> wrap,
      OperationTracer tracer) {
    Run run = runOnce(env, request, gas, wrap, false, tracer);
    if (!run.result().valid() && run.result().invalidReason().contains("has code")) {
      run = runOnce(env, request, gas, wrap, true, tracer);
    }
    return run;
  }

  private Run runOnce(Env env, CallRequest request, long gas, UnaryOperator<WorldState> wrap,
      boolean dropSenderCode, OperationTracer tracer) {
    WorldState world = state(env);
    Address sender = request.sender();
    if (dropSenderCode) {
      world.setCode(sender, new byte[0]);
      world.commitTransaction();
    }
    Transaction tx = request.toTransaction(world.getNonce(sender), gas, chain.config().chainId());
    BlockContext context = callContext(env.blockContext(), request);
    TransactionResult result = env.processor().process(wrap.apply(world), context, tx, tracer);
    return new Run(tx, result);
  }

  private WorldState state(Env env) {
    WorldState world = blocks.state(env.stateHeader());
    env.overrides().applyTo(world);
    return world;
  }

  /**
   * The context a call runs in, as geth runs eth_call: one naming no fee runs with base fee zero,
   * one with a zero (or, sending blobs, no) blob fee cap with blob base fee zero.
   */
  static BlockContext callContext(BlockContext block, CallRequest call) {
    boolean freeBlobs = call.maxFeePerBlobGas() != null ? call.maxFeePerBlobGas().isZero()
        : call.blobVersionedHashes() != null;
    return new BlockContext(block.coinbase(), block.number(), block.timestamp(), block.gasLimit(),
        call.paysFees() ? block.baseFee() : UInt256.ZERO, block.prevRandao(),
        freeBlobs ? UInt256.ZERO : block.blobBaseFee(), block.chainId(), block.blockHashes());
  }

  /** The blob base fee {@code header}'s excess blob gas implies (zero before Cancun). */
  static UInt256 blobBaseFee(ChainConfig config, BlockHeader header) {
    if (header.excessBlobGas() == null) {
      return UInt256.ZERO;
    }
    return config.forkAt(header.timestamp()).blobs().blobBaseFeeWord(header.excessBlobGas());
  }

  /** Code 3 "execution reverted", with the Error(string) reason when there is one and the raw output as data. */
  static JsonRpcException reverted(byte[] output) {
    return new JsonRpcException(JsonRpcException.EXECUTION_REVERTED, revertMessage(output), Hex.data(output));
  }

  static String revertMessage(byte[] output) {
    String reason = errorString(output);
    return reason == null ? "execution reverted" : "execution reverted: " + reason;
  }

  /** The string of an ABI-encoded {@code Error(string)}, or null when the output is not one. */
  public static String errorString(byte[] output) {
    if (output.length < 4 + 64 || !Arrays.equals(Arrays.copyOf(output, 4), ERROR_SELECTOR)) {
      return null;
    }
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(output, 4, 36));
    if (offset.compareTo(BigInteger.valueOf(output.length)) >= 0) {
      return null;
    }
    int start = 4 + offset.intValue();
    if (start + 32 > output.length) {
      return null;
    }
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(output, start, start + 32));
    if (length.compareTo(BigInteger.valueOf(output.length - start - 32)) > 0) {
      return null;
    }
    return new String(output, start + 32, length.intValue(), StandardCharsets.UTF_8);
  }

  /** The processor's reason in the words geth answers with, which tools match on. */
  static String gethMessage(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("insufficient balance")) {
      return "insufficient funds for gas * price + value";
    }
    if (r.contains("intrinsic gas")) {
      return "intrinsic gas too low: " + reason;
    }
    if (r.contains("below base fee")) {
      return "max fee per gas less than block base fee";
    }
    if (r.contains("priority fee per gas above max fee")) {
      return "max priority fee per gas higher than max fee per gas";
    }
    if (r.contains("transaction cap")) {
      return "transaction gas limit too high: " + reason;
    }
    if (r.contains("block gas limit")) {
      return "gas limit reached: " + reason;
    }
    if (r.contains("blob base fee")) {
      return "max fee per blob gas less than block blob gas fee";
    }
    return reason;
  }
}
