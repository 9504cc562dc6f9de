package io.nativerollups.evm.processing;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.precompile.Precompiles;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.tracing.StateView;
import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.AuthorizationSigner;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.Delegation;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.ExecutionContext;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.MessageResult;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Applies one transaction to a world state: validates it against the state, buys gas, warms the
 * EIP-2929 pre-accessed addresses and slots, applies EIP-7702 authorizations, runs the message,
 * refunds (EIP-3529 cap, EIP-7623 floor) and pays the coinbase its priority fee.
 */
public final class TransactionProcessor {
  private static final byte[] EMPTY = new byte[0];
  private static final byte BLOB_COMMITMENT_VERSION_KZG = 0x01;

  private final Fork fork;
  private final GasCalculator gasCalculator;
  private final EVM evm;

  /** A processor with the fork's standard precompiles. */
  public TransactionProcessor(Fork fork) {
    this(fork, Precompiles.forFork(fork));
  }

  public TransactionProcessor(Fork fork, Map<Address, PrecompiledContract> precompiles) {
    this.fork = fork;
    this.evm = new EVM(fork, precompiles);
    this.gasCalculator = evm.gasCalculator();
  }

  /** Validates and, if valid, executes {@code tx}; {@code tx.sender()} must be set. */
  public TransactionResult process(WorldState world, BlockContext block, Transaction tx) {
    return process(world, block, tx, null);
  }

  /**
   * {@link #process(WorldState, BlockContext, Transaction)}, watched by {@code tracer} when not
   * null (an invalid transaction is not executed and not reported to it).
   */
  public TransactionResult process(WorldState world, BlockContext block, Transaction tx, OperationTracer tracer) {
    String invalidReason = validate(world, block, tx);
    if (invalidReason != null) {
      return TransactionResult.invalid(invalidReason);
    }
    StateView stateView = tracer == null ? null : new StateView(world);
    if (tracer != null) {
      tracer.onTransactionStart(tx, block, stateView);
    }
    world.beginTransaction();
    Address sender = tx.sender();
    UInt256 gasPrice = effectiveGasPrice(tx, block.baseFee());
    long blobGas = gasCalculator.blobGasPerBlob() * tx.blobVersionedHashes().size();
    UInt256 gasCost = gasPrice.multiply(UInt256.valueOf(tx.gasLimit()))
        .add(block.blobBaseFee() == null ? UInt256.ZERO : block.blobBaseFee().multiply(UInt256.valueOf(blobGas)));
    world.setBalance(sender, world.getBalance(sender).subtract(gasCost));
    world.setNonce(sender, tx.nonce() + 1);

    warmPreAccessed(world, block, tx);
    ExecutionContext ctx =
        new ExecutionContext(evm, world, block, sender, gasPrice, tx.blobVersionedHashes());
    ctx.setTracer(tracer);
    if (!tx.authorizationList().isEmpty()) {
      ctx.addRefund(applyAuthorizations(world, block, tx.authorizationList()));
    }

    long gas = tx.gasLimit() - gasCalculator.transactionIntrinsicGas(tx);
    MessageResult result;
    Address created = null;
    if (tx.isContractCreation()) {
      Address address = EVM.createAddress(sender, tx.nonce());
      world.warmAddress(address);
      if (EVM.hasCreationCollision(world, address)) {
        result = new MessageResult(FrameState.EXCEPTIONAL_HALT, 0, EMPTY, "contract address collision");
        EVM.traceImmediateFrame(ctx, FrameType.CREATE, 0, sender, address, tx.value(), tx.data(), gas, 0,
            result.state(), result.haltReason());
      } else {
        result = evm.executeCreate(ctx, FrameType.CREATE, sender, address, tx.value(), tx.data(), gas, 0);
        created = result.isSuccess() ? address : null;
      }
    } else {
      result = call(ctx, world, tx, gas);
    }

    long gasUsed = tx.gasLimit() - result.gasRemaining();
    long refund = Math.min(Math.max(ctx.refund(), 0), gasUsed / gasCalculator.maxRefundQuotient());
    gasUsed = Math.max(gasUsed - refund, gasCalculator.transactionFloorGas(tx));
    UInt256 leftover = gasPrice.multiply(UInt256.valueOf(tx.gasLimit() - gasUsed));
    world.setBalance(sender, world.getBalance(sender).add(leftover));
    Address coinbase = block.coinbase();
    UInt256 priorityFee = gasPrice.subtract(block.baseFee()).multiply(UInt256.valueOf(gasUsed));
    world.setBalance(coinbase, world.getBalance(coinbase).add(priorityFee));
    world.touch(coinbase);
    world.commitTransaction();
    TransactionResult outcome = new TransactionResult(true, null, result.isSuccess(), gasUsed,
        result.isSuccess() ? List.copyOf(ctx.logs()) : List.of(), result.output(), created,
        result.state() == FrameState.EXCEPTIONAL_HALT ? result.haltReason() : null);
    if (tracer != null) {
      tracer.onTransactionEnd(tx, outcome, stateView);
    }
    return outcome;
  }

  private MessageResult call(ExecutionContext ctx, WorldState world, Transaction tx, long gas) {
    Address to = tx.to();
    byte[] code = world.getCode(to);
    PrecompiledContract precompile = null;
    if (evm.supportsDelegation() && Delegation.isDesignator(code)) {
      Address delegate = Delegation.target(code);
      world.warmAddress(delegate);
      code = evm.precompiles().containsKey(delegate) ? EMPTY : world.getCode(delegate);
    } else {
      precompile = evm.precompiles().get(to);
    }
    return evm.executeCall(ctx, FrameType.CALL, tx.sender(), to, to, true, tx.value(), precompile, code, tx.data(),
        gas, false, 0);
  }

  private void warmPreAccessed(WorldState world, BlockContext block, Transaction tx) {
    world.warmAddress(tx.sender());
    if (tx.to() != null) {
      world.warmAddress(tx.to());
    }
    world.warmAddress(block.coinbase());
    for (Address precompile : evm.precompiles().keySet()) {
      world.warmAddress(precompile);
    }
    for (AccessListEntry entry : tx.accessList()) {
      world.warmAddress(entry.address());
      for (UInt256 key : entry.storageKeys()) {
        world.warmStorage(entry.address(), key);
      }
    }
  }

  /** EIP-7702: sets or clears the delegation of each valid authority; returns the refund earned. */
  private long applyAuthorizations(WorldState world, BlockContext block, List<Authorization> authorizations) {
    long refund = 0;
    UInt256 chainId = UInt256.valueOf(block.chainId());
    for (Authorization auth : authorizations) {
      if (!auth.chainId().isZero() && !auth.chainId().equals(chainId)) {
        continue;
      }
      if (auth.nonce() == -1L) {
        continue;
      }
      Address authority = AuthorizationSigner.recoverAuthority(auth);
      if (authority == null) {
        continue;
      }
      world.warmAddress(authority);
      byte[] code = world.getCode(authority);
      if (code.length != 0 && !Delegation.isDesignator(code)) {
        continue;
      }
      if (world.getNonce(authority) != auth.nonce()) {
        continue;
      }
      if (world.exists(authority)) {
        refund += gasCalculator.authorizationExistingAccountRefund();
      }
      world.setCode(authority, auth.address().equals(Address.ZERO) ? EMPTY : Delegation.designator(auth.address()));
      world.setNonce(authority, auth.nonce() + 1);
    }
    return refund;
  }

  /** What the sender pays per gas: the legacy gas price, or min(fee cap, base fee + tip cap). */
  private static UInt256 effectiveGasPrice(Transaction tx, UInt256 baseFee) {
    if (tx.type() == TransactionType.LEGACY || tx.type() == TransactionType.ACCESS_LIST) {
      return tx.gasPrice();
    }
    UInt256 withTip = baseFee.add(tx.maxPriorityFeePerGas());
    boolean overflow = withTip.compareTo(baseFee) < 0;
    return overflow || withTip.compareTo(tx.maxFeePerGas()) > 0 ? tx.maxFeePerGas() : withTip;
  }

  /** The reason {@code tx} cannot be included in this state and block, or null if it can. */
  String validate(WorldState world, BlockContext block, Transaction tx) {
    Address sender = tx.sender();
    if (sender == null) {
      return "sender unknown";
    }
    if (tx.type() == TransactionType.SET_CODE && !fork.isAtLeast(Fork.PRAGUE)) {
      return "transaction type 4 not supported before Prague";
    }
    long intrinsic = gasCalculator.transactionIntrinsicGas(tx);
    long floor = gasCalculator.transactionFloorGas(tx);
    if (Long.compareUnsigned(tx.gasLimit(), Math.max(intrinsic, floor)) < 0) {
      return "intrinsic gas " + Math.max(intrinsic, floor) + " exceeds gas limit " + Long.toUnsignedString(tx.gasLimit());
    }
    if (Long.compareUnsigned(tx.gasLimit(), gasCalculator.maxTransactionGasLimit()) > 0) {
      return "gas limit exceeds the transaction cap " + gasCalculator.maxTransactionGasLimit();
    }
    if (Long.compareUnsigned(tx.gasLimit(), block.gasLimit()) > 0) {
      return "gas limit exceeds block gas limit";
    }
    if (tx.isContractCreation() && tx.data().length > gasCalculator.maxInitcodeSize()) {
      return "initcode size exceeds " + gasCalculator.maxInitcodeSize();
    }
    if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0) {
      return "max fee per gas below base fee";
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return "max priority fee per gas above max fee per gas";
    }
    String typeReason = validateTypeSpecific(block, tx);
    if (typeReason != null) {
      return typeReason;
    }
    byte[] senderCode = world.getCode(sender);
    if (senderCode.length != 0 && !(evm.supportsDelegation() && Delegation.isDesignator(senderCode))) {
      return "sender has code (EIP-3607)";
    }
    long stateNonce = world.getNonce(sender);
    if (stateNonce == -1L) {
      return "sender nonce at maximum (EIP-2681)";
    }
    if (tx.nonce() != stateNonce) {
      return "nonce " + Long.toUnsignedString(tx.nonce()) + " does not match account nonce " + Long.toUnsignedString(stateNonce);
    }
    BigInteger maxCost = tx.maxFeePerGas().toBigInteger()
        .multiply(new BigInteger(Long.toUnsignedString(tx.gasLimit())))
        .add(tx.value().toBigInteger());
    if (tx.maxFeePerBlobGas() != null) {
      maxCost = maxCost.add(tx.maxFeePerBlobGas().toBigInteger()
          .multiply(BigInteger.valueOf(gasCalculator.blobGasPerBlob() * tx.blobVersionedHashes().size())));
    }
    if (world.getBalance(sender).toBigInteger().compareTo(maxCost) < 0) {
      return "insufficient balance for gas * max fee + value";
    }
    return null;
  }

  private String validateTypeSpecific(BlockContext block, Transaction tx) {
    if (tx.type() == TransactionType.BLOB) {
      if (tx.to() == null) {
        return "blob transaction cannot create a contract";
      }
      List<byte[]> hashes = tx.blobVersionedHashes();
      if (hashes.isEmpty()) {
        return "blob transaction without blobs";
      }
      if (hashes.size() > gasCalculator.maxBlobsPerTransaction()) {
        return "too many blobs: " + hashes.size();
      }
      for (byte[] hash : hashes) {
        if (hash.length != 32 || hash[0] != BLOB_COMMITMENT_VERSION_KZG) {
          return "blob versioned hash with wrong version";
        }
      }
      if (block.blobBaseFee() != null && tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
        return "max fee per blob gas below blob base fee";
      }
    }
    if (tx.type() == TransactionType.SET_CODE) {
      if (tx.to() == null) {
        return "set-code transaction cannot create a contract";
      }
      if (tx.authorizationList().isEmpty()) {
        return "set-code transaction with empty authorization list";
      }
    }
    return null;
  }
}
