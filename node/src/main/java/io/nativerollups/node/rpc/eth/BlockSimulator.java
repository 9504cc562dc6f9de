package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockError;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.BlockResult;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.block.TransactionRejections;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.json.BlockJson;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.ReceiptJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * eth_simulateV1: runs blocks of calls one after the other on a private copy of a block's state,
 * each block on the previous one, and answers the blocks as they would look with the calls' results.
 *
 * <p>As in geth: a block's number and time default to the previous block's plus one and plus
 * {@value #TIME_INCREMENT} seconds, must both increase, and a gap between given numbers is filled
 * with empty blocks (at most {@value #MAX_BLOCKS} after the base block); the fee recipient and gas
 * limit carry over from the previous block, prevRandao and the beacon root are zero unless
 * overridden, and the base fee is zero without validation (the parent's successor with it). Each
 * block runs the chain's own start- and end-of-block operations (system calls, withdrawals,
 * requests, plugin hooks); its state overrides apply before its calls, their precompile moves for
 * its calls only. A call's gas defaults to what is left of the block's (within the fork's
 * transaction cap), its nonce to the sender's; the sender may have code. Without validation a call
 * runs as eth_call does (a call naming no fee runs with base fee zero, its nonce is the account's);
 * with it, as a transaction in a block. A call the block could not include fails the whole request
 * with the spec's code (-38010 ...); a call that reverts or halts is answered in its result. The
 * calls of one request use at most {@value #GAS_BUDGET} gas in all (geth's RPC gas cap).
 */
public final class BlockSimulator {
  /** Most blocks one request may simulate after its base block (BLOCKHASH's window, the spec's advice). */
  static final int MAX_BLOCKS = 256;
  /** Seconds between a block and the next when its time is not given (geth's choice). */
  static final long TIME_INCREMENT = 12;
  /** Gas the calls of one request may use in all (geth's default RPC gas cap). */
  static final long GAS_BUDGET = 50_000_000L;

  /** execution-apis error codes of eth_simulateV1. */
  static final int NONCE_TOO_LOW = -38010;
  static final int NONCE_TOO_HIGH = -38011;
  static final int BASE_FEE_TOO_LOW = -38012;
  static final int INTRINSIC_GAS_TOO_LOW = -38013;
  static final int INSUFFICIENT_FUNDS = -38014;
  static final int BLOCK_GAS_LIMIT_REACHED = -38015;
  static final int BLOCK_NUMBER_NOT_INCREASING = -38020;
  static final int BLOCK_TIME_NOT_INCREASING = -38021;
  static final int SENDER_NOT_EOA = -38024;
  static final int MAX_INIT_CODE_SIZE_EXCEEDED = -38025;
  /** A call that halted exceptionally (out of gas, invalid opcode...). */
  static final int VM_ERROR = -32015;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final byte[] ZERO_HASH = new byte[32];

  private final Blockchain chain;
  private final BlockResolver blocks;
  private final TransactionProcessors processors;

  public BlockSimulator(BlockResolver blocks, TransactionProcessors processors) {
    this.chain = blocks.chain();
    this.blocks = blocks;
    this.processors = processors;
  }

  /** One block to run: its number and time, fixed before anything runs, and what it holds. */
  private record Planned(long number, long time, SimulatePayload.BlockStateCall call) {}

  /**
   * Simulates {@code payload} on the state after {@code base} and answers the blocks.
   *
   * @throws JsonRpcException -32602 for no blocks, -38020/-38021 for numbers or times out of order,
   *     -38026 for too many blocks, the code of a call a block could not include
   */
  public ArrayNode simulate(BlockHeader base, SimulatePayload payload) {
    List<Planned> plan = plan(base, payload.blockStateCalls());
    WorldState world = blocks.state(base);
    Run run = new Run(base, payload, world);
    ArrayNode out = JSON.arrayNode();
    for (Planned planned : plan) {
      out.add(run.block(planned));
    }
    return out;
  }

  /** Numbers and times of the blocks to run, gaps filled; geth's checks and messages. */
  private static List<Planned> plan(BlockHeader base, List<SimulatePayload.BlockStateCall> calls) {
    if (calls.isEmpty()) {
      throw JsonRpcException.invalidParams("empty input");
    }
    if (calls.size() > MAX_BLOCKS) {
      throw tooManyBlocks();
    }
    List<Planned> plan = new ArrayList<>();
    long previousNumber = base.number();
    long previousTime = base.timestamp();
    for (SimulatePayload.BlockStateCall call : calls) {
      BlockOverrides o = call.blockOverrides();
      long number = o.number() != null ? o.number() : previousNumber + 1;
      if (Long.compareUnsigned(number, previousNumber) <= 0) {
        throw new JsonRpcException(BLOCK_NUMBER_NOT_INCREASING, "block numbers must be in order: "
            + Long.toUnsignedString(number) + " <= " + Long.toUnsignedString(previousNumber));
      }
      if (Long.compareUnsigned(number - base.number(), MAX_BLOCKS) > 0) {
        throw tooManyBlocks();
      }
      for (long gap = previousNumber + 1; gap < number; gap++) {
        previousTime += TIME_INCREMENT;
        plan.add(new Planned(gap, previousTime, SimulatePayload.BlockStateCall.EMPTY));
      }
      long time = o.time() != null ? o.time() : previousTime + TIME_INCREMENT;
      if (Long.compareUnsigned(time, previousTime) <= 0) {
        throw new JsonRpcException(BLOCK_TIME_NOT_INCREASING, "block timestamps must be in order: "
            + Long.toUnsignedString(time) + " <= " + Long.toUnsignedString(previousTime));
      }
      plan.add(new Planned(number, time, call));
      previousNumber = number;
      previousTime = time;
    }
    return plan;
  }

  private static JsonRpcException tooManyBlocks() {
    return new JsonRpcException(JsonRpcException.CLIENT_LIMIT_EXCEEDED, "too many blocks");
  }

  /** One request's progress: the state, the blocks so far and the gas left. */
  private final class Run {
    private final BlockHeader base;
    private final SimulatePayload payload;
    private final WorldState world;
    private final Map<Long, byte[]> simulatedHashes = new HashMap<>();
    private BlockHeader parent;
    private long gasBudget = GAS_BUDGET;

    Run(BlockHeader base, SimulatePayload payload, WorldState world) {
      this.base = base;
      this.payload = payload;
      this.world = world;
      this.parent = base;
    }

    /** BLOCKHASH in a simulated block: earlier simulated blocks, the base (pending too), then the chain. */
    private byte[] hashOf(long number) {
      byte[] simulated = simulatedHashes.get(number);
      if (simulated != null) {
        return simulated;
      }
      if (number == base.number()) {
        return base.hash();
      }
      return Long.compareUnsigned(number, base.number()) < 0
          ? chain.headerByNumber(number).map(BlockHeader::hash).orElse(null)
          : null;
    }

    ObjectNode block(Planned planned) {
      ChainConfig config = chain.config();
      BlockOverrides o = planned.call().blockOverrides();
      ForkActivation fork = config.forkAt(planned.time());
      List<Withdrawal> withdrawals = o.withdrawals() == null ? List.of() : o.withdrawals();
      List<byte[]> encodedWithdrawals = new ArrayList<>();
      withdrawals.forEach(w -> encodedWithdrawals.add(w.encode()));
      UInt256 baseFee = o.baseFeePerGas() != null ? o.baseFeePerGas()
          : payload.validation() ? BlockValidator.expectedBaseFee(parent) : UInt256.ZERO;
      long excessBlobGas = BlockValidator.expectedExcessBlobGas(parent, fork);
      BlockHeader template = parent.toBuilder()
          .parentHash(parent.hash())
          .ommersHash(BlockValidator.EMPTY_OMMERS_HASH)
          .coinbase(o.feeRecipient() != null ? o.feeRecipient() : parent.coinbase())
          .difficulty(UInt256.ZERO)
          .number(planned.number())
          .gasLimit(o.gasLimit() != null ? o.gasLimit() : parent.gasLimit())
          .gasUsed(0)
          .timestamp(planned.time())
          .extraData(new byte[0])
          .mixHash(o.prevRandao() != null ? o.prevRandao() : ZERO_HASH)
          .nonce(new byte[8])
          .baseFeePerGas(baseFee)
          .withdrawalsRoot(MerklePatriciaTrie.orderedRoot(encodedWithdrawals))
          .blobGasUsed(0L)
          .excessBlobGas(excessBlobGas)
          .parentBeaconBlockRoot(o.beaconRoot() != null ? o.beaconRoot() : ZERO_HASH)
          .requestsHash(null)
          .build();
      UInt256 blobBaseFee = o.blobBaseFee() != null ? o.blobBaseFee() : CallSimulator.blobBaseFee(config, template);
      BlockContext context = new BlockContext(template.coinbase(), template.number(), template.timestamp(),
          template.gasLimit(), baseFee, template.mixHash(), blobBaseFee, config.chainId(), this::hashOf);
      BlockProcessor processor = chain.blockProcessor();
      // the overrides' precompile moves (checked before anything runs) hold for this block's calls only
      TransactionProcessor callProcessor = processors.processor(planned.time(), planned.call().stateOverrides());
      planned.call().stateOverrides().applyTo(world);
      try {
        processor.startBlock(world, template, context);
      } catch (InvalidBlockException e) {
        throw JsonRpcException.serverError("the simulated block " + planned.number() + " cannot start: " + e.getMessage());
      }

      List<Transaction> txs = new ArrayList<>();
      List<Receipt> receipts = new ArrayList<>();
      List<CallOutcome> outcomes = new ArrayList<>();
      long gasUsed = 0;
      long blobGasUsed = 0;
      GasCalculator gas = GasCalculator.forFork(fork.rules());
      for (CallRequest call : planned.call().calls()) {
        long remaining = template.gasLimit() - gasUsed;
        long gasLimit = call.gas() != null ? call.gas() : Math.min(remaining, gas.maxTransactionGasLimit());
        if (Long.compareUnsigned(gasLimit, remaining) > 0) {
          throw new JsonRpcException(BLOCK_GAS_LIMIT_REACHED,
              "block gas limit reached: " + gasUsed + " + " + Long.toUnsignedString(gasLimit) + " > " + template.gasLimit());
        }
        gasLimit = Math.min(gasLimit, gasBudget);
        CallOutcome outcome = runCall(call, gasLimit, context, fork, callProcessor, txs.size());
        txs.add(outcome.tx());
        gasUsed += outcome.result().gasUsed();
        gasBudget -= outcome.result().gasUsed();
        blobGasUsed += BlobSchedule.GAS_PER_BLOB * outcome.tx().blobVersionedHashes().size();
        receipts.add(Receipt.of(outcome.tx().type(), outcome.result().success(), gasUsed, outcome.result().logs()));
        outcomes.add(outcome);
      }
      BlockResult result;
      try {
        result = processor.endBlock(world, template, context, withdrawals, receipts, blobGasUsed);
      } catch (InvalidBlockException e) {
        throw JsonRpcException.serverError("the simulated block " + planned.number() + " cannot end: " + e.getMessage());
      }
      List<byte[]> envelopes = new ArrayList<>(txs.size());
      txs.forEach(tx -> envelopes.add(TransactionEncoder.encode(tx)));
      BlockHeader header = result.applyTo(template.toBuilder()
          .transactionsRoot(MerklePatriciaTrie.orderedRoot(envelopes)))
          .build();
      Block block = Block.of(header, txs, withdrawals);
      byte[] hash = header.hash();
      simulatedHashes.put(header.number(), hash);
      parent = header;
      ObjectNode json = BlockJson.block(block, payload.returnFullTransactions());
      json.set("calls", callResults(outcomes, header, hash));
      return json;
    }

    /** Runs one call as the block's transaction {@code index}; refuses one the block could not include. */
    private CallOutcome runCall(CallRequest call, long gasLimit, BlockContext blockContext, ForkActivation fork,
        TransactionProcessor processor, int index) {
      Address sender = call.sender();
      long accountNonce = world.getNonce(sender);
      long nonce = payload.validation() && call.nonce() != null ? call.nonce() : accountNonce;
      Transaction tx = call.toTransaction(nonce, gasLimit, chain.config().chainId()).toBuilder()
          .signature(UInt256.ZERO, UInt256.ZERO, UInt256.ZERO).build();
      BlockContext context = payload.validation() ? blockContext : CallSimulator.callContext(blockContext, call);
      TransferLogTracer tracer = payload.traceTransfers() ? new TransferLogTracer() : null;
      TransactionResult result = processor.process(world, context, tx, tracer);
      if (!result.valid() && result.invalidReason().contains("has code")) {
        // as geth, a sender with code may send: it runs as if it had none, and keeps its code
        byte[] code = world.getCode(sender);
        world.setCode(sender, new byte[0]);
        result = processor.process(world, context, tx, tracer);
        world.setCode(sender, code);
        world.commitTransaction();
      }
      if (!result.valid()) {
        throw invalidCall(index, tx, result.invalidReason(), accountNonce, fork);
      }
      return new CallOutcome(tx, result, tracer != null ? tracer.logs() : result.logs());
    }

    private ArrayNode callResults(List<CallOutcome> outcomes, BlockHeader header, byte[] blockHash) {
      ArrayNode calls = JSON.arrayNode();
      int logIndex = 0;
      for (int i = 0; i < outcomes.size(); i++) {
        CallOutcome outcome = outcomes.get(i);
        TransactionResult result = outcome.result();
        ObjectNode c = calls.addObject();
        c.put("returnData", Hex.data(result.output()));
        ArrayNode logs = c.putArray("logs");
        byte[] txHash = TransactionHasher.hash(outcome.tx());
        for (Log log : outcome.logs()) {
          logs.add(ReceiptJson.log(log,
              new ReceiptJson.LogContext(blockHash, header.number(), header.timestamp(), txHash, i, logIndex++)));
        }
        c.put("gasUsed", Hex.quantity(result.gasUsed()));
        c.put("status", result.success() ? "0x1" : "0x0");
        if (!result.success()) {
          ObjectNode error = c.putObject("error");
          if (result.haltReason() == null) {
            error.put("code", JsonRpcException.EXECUTION_REVERTED);
            error.put("message", CallSimulator.revertMessage(result.output()));
            error.put("data", Hex.data(result.output()));
          } else {
            error.put("code", VM_ERROR);
            error.put("message", "vm execution error: " + result.haltReason());
          }
        }
      }
      return calls;
    }
  }

  /**
   * A call run in a block: its transaction, result, and the logs its result shows (with
   * traceTransfers, the transfers among the receipt's logs).
   */
  private record CallOutcome(Transaction tx, TransactionResult result, List<Log> logs) {}

  /** The spec's code for a call a block cannot include, with geth's message. */
  private static JsonRpcException invalidCall(int index, Transaction tx, String reason, long accountNonce,
      ForkActivation fork) {
    long intrinsic = GasCalculator.forFork(fork.rules()).transactionIntrinsicGas(tx);
    BlockError error = TransactionRejections.classifyRejection(reason, tx, accountNonce, intrinsic);
    int code = switch (error) {
      case NONCE_MISMATCH_TOO_LOW -> NONCE_TOO_LOW;
      case NONCE_MISMATCH_TOO_HIGH -> NONCE_TOO_HIGH;
      case INSUFFICIENT_MAX_FEE_PER_GAS -> BASE_FEE_TOO_LOW;
      case INTRINSIC_GAS_TOO_LOW, INTRINSIC_GAS_BELOW_FLOOR_GAS_COST -> INTRINSIC_GAS_TOO_LOW;
      case INSUFFICIENT_ACCOUNT_FUNDS -> INSUFFICIENT_FUNDS;
      case GAS_ALLOWANCE_EXCEEDED -> BLOCK_GAS_LIMIT_REACHED;
      case SENDER_NOT_EOA -> SENDER_NOT_EOA;
      case INITCODE_SIZE_EXCEEDED -> MAX_INIT_CODE_SIZE_EXCEEDED;
      default -> JsonRpcException.INVALID_PARAMS;
    };
    return new JsonRpcException(code, "call " + index + ": " + CallSimulator.gethMessage(reason));
  }
}
