package io.nativerollups.evm.vm;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.FrameView;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;
import java.util.Map;

/**
 * The interpreter of one fork: its operation table, gas calculator and precompiles. It runs
 * frames and executes message calls and contract creations; the call and create operations and
 * the transaction processor enter it through {@link #executeCall} and {@link #executeCreate}.
 */
public final class EVM {
  /** Maximum call depth. */
  public static final int MAX_DEPTH = 1024;
  private static final byte[] EMPTY = new byte[0];
  /**
   * Nested frames recurse on the Java stack. Every this many levels the next frame runs on a fresh
   * thread with {@link #FRESH_STACK_BYTES} of stack, so a full 1024-deep chain never needs more
   * than a few hundred kilobytes of the caller's stack, whatever thread the caller runs on.
   */
  private static final int FRESH_STACK_EVERY = 128;
  private static final long FRESH_STACK_BYTES = 16L << 20;
  private static final int SLOAD = 0x54;
  private static final int SSTORE = 0x55;

  private final Fork fork;
  private final GasCalculator gasCalculator;
  private final Map<Address, PrecompiledContract> precompiles;
  private final Operation[] operations;
  private final int[] minStack = new int[256];
  private final int[] maxStack = new int[256];
  private final long[] staticGas = new long[256];
  private final JumpDestCache jumpDestCache = new JumpDestCache();

  public EVM(Fork fork, Map<Address, PrecompiledContract> precompiles) {
    this.fork = fork;
    this.gasCalculator = GasCalculator.forFork(fork);
    this.precompiles = Map.copyOf(precompiles);
    this.operations = OperationRegistry.forFork(fork, gasCalculator);
    for (int i = 0; i < 256; i++) {
      Operation op = operations[i];
      minStack[i] = op.stackInputs();
      maxStack[i] = MessageFrame.MAX_STACK + op.stackInputs() - op.stackOutputs();
      staticGas[i] = op.staticGas();
    }
  }

  public Fork fork() {
    return fork;
  }

  public GasCalculator gasCalculator() {
    return gasCalculator;
  }

  public Map<Address, PrecompiledContract> precompiles() {
    return precompiles;
  }

  /** True if EIP-7702 delegations are followed (Prague on). */
  public boolean supportsDelegation() {
    return fork.isAtLeast(Fork.PRAGUE);
  }

  /** Wraps code for execution, sharing its jump destination analysis. */
  public Code code(byte[] bytes) {
    return new Code(bytes, jumpDestCache);
  }

  /** The name of {@code opcode}'s instruction; geth's "opcode 0x.. not defined" for an unassigned one. */
  public String operationName(int opcode) {
    Operation op = operations[opcode];
    return op.opcode() == opcode ? op.name() : String.format("opcode 0x%x not defined", opcode);
  }

  /**
   * Runs {@code frame} until it stops, returns, reverts or halts; traced when its context has a
   * tracer. The choice is made once per frame so that the untraced loop stays as it is.
   */
  public void run(MessageFrame frame) {
    OperationTracer tracer = frame.context().tracer();
    if (tracer != null) {
      runTraced(frame, tracer);
    } else {
      runUntraced(frame);
    }
  }

  private void runUntraced(MessageFrame frame) {
    final byte[] code = frame.code().bytes();
    final Operation[] ops = operations;
    while (frame.state == FrameState.RUNNING) {
      int pc = frame.pc;
      int opcode = pc < code.length ? code[pc] & 0xFF : 0;
      int sp = frame.sp;
      if (sp < minStack[opcode]) {
        haltStackUnderflow(frame, opcode);
        return;
      }
      if (sp > maxStack[opcode]) {
        haltStackOverflow(frame, opcode);
        return;
      }
      long gas = frame.gasRemaining - staticGas[opcode];
      if (gas < 0) {
        frame.halt("out of gas");
        return;
      }
      frame.gasRemaining = gas;
      // read pc only after execute: jumps set it themselves and advance by 0
      int advance = ops[opcode].execute(frame);
      frame.pc += advance;
    }
  }

  /**
   * The same checks and execution as {@link #runUntraced}, reporting each step to {@code tracer}.
   * A step refused before it runs (stack bounds, static gas) costs its static gas, one that halts
   * what it charged before failing plus the charge it could not pay, as in geth.
   */
  private void runTraced(MessageFrame frame, OperationTracer tracer) {
    final byte[] code = frame.code().bytes();
    final ExecutionContext ctx = frame.context();
    final FrameView view = new FrameView(frame);
    while (frame.state == FrameState.RUNNING) {
      int pc = frame.pc;
      int opcode = pc < code.length ? code[pc] & 0xFF : 0;
      long gasBefore = frame.gasRemaining;
      tracer.onStepStart(pc, opcode, gasBefore, view);
      long cost = staticGas[opcode];
      if (frame.sp < minStack[opcode]) {
        haltStackUnderflow(frame, opcode);
      } else if (frame.sp > maxStack[opcode]) {
        haltStackOverflow(frame, opcode);
      } else if (gasBefore < cost) {
        frame.halt("out of gas");
      } else {
        if (opcode == SLOAD || opcode == SSTORE) {
          traceStorageAccess(frame, opcode == SSTORE, tracer, view);
        }
        frame.gasRemaining = gasBefore - cost;
        ctx.tracedChildGasAdjustment = 0;
        int advance = operations[opcode].execute(frame); // before reading pc: jumps set it
        frame.pc += advance;
        cost = frame.state == FrameState.EXCEPTIONAL_HALT
            ? gasBefore - frame.gasLeftAtHalt
            : gasBefore - frame.gasRemaining + ctx.tracedChildGasAdjustment;
      }
      String error = frame.state == FrameState.EXCEPTIONAL_HALT ? frame.haltReason : null;
      tracer.onStepEnd(pc, opcode, gasBefore, cost, error, view);
    }
  }

  // geth's wording, which traces and simulation errors are compared against; built only on a halt
  private void haltStackUnderflow(MessageFrame frame, int opcode) {
    frame.halt("stack underflow (" + frame.sp + " <=> " + minStack[opcode] + ")");
  }

  private void haltStackOverflow(MessageFrame frame, int opcode) {
    frame.halt("stack limit reached " + frame.sp + " (" + maxStack[opcode] + ")");
  }

  /** The slot an SLOAD reads (with its current value) or an SSTORE writes (with the new value). */
  private static void traceStorageAccess(MessageFrame frame, boolean write, OperationTracer tracer, FrameView view) {
    UInt256 key = view.stackItem(0);
    UInt256 value = write ? view.stackItem(1) : frame.context().world().getStorage(frame.recipient(), key);
    tracer.onStorageAccess(key, value, write, view);
  }

  /** Runs a frame of a message call or creation, moving to a fresh thread stack when due. */
  private void runNested(MessageFrame frame) {
    int depth = frame.depth();
    if (depth == 0 || depth % FRESH_STACK_EVERY != 0) {
      run(frame);
      return;
    }
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        run(frame);
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "evm-depth-" + depth, FRESH_STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while executing a nested frame", e);
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
  }

  /**
   * Executes a message call. With {@code transfer}, {@code value} moves from {@code sender} to
   * {@code recipient} and the recipient is touched (CALL, CALLCODE, STATICCALL with zero);
   * DELEGATECALL passes false. The caller has checked depth and balance. A non-null {@code
   * precompile} runs instead of {@code code}. {@code type} and {@code codeAddress} (the address the
   * call named: the callee, or the code's owner for DELEGATECALL and CALLCODE) are for the tracer.
   */
  public MessageResult executeCall(
      ExecutionContext ctx,
      FrameType type,
      Address sender,
      Address recipient,
      Address codeAddress,
      boolean transfer,
      UInt256 value,
      PrecompiledContract precompile,
      byte[] code,
      byte[] input,
      long gas,
      boolean isStatic,
      int depth) {
    OperationTracer tracer = ctx.tracer();
    if (tracer != null) {
      boolean inCallerContext = type == FrameType.DELEGATECALL || type == FrameType.CALLCODE;
      tracer.onFrameEnter(type, depth, inCallerContext ? recipient : sender, codeAddress, value, input, gas);
    }
    WorldState world = ctx.world();
    int snapshot = world.snapshot();
    int logCount = ctx.logs().size();
    long refund = ctx.refund();
    if (transfer) {
      if (!value.isZero()) {
        world.setBalance(sender, world.getBalance(sender).subtract(value));
        world.setBalance(recipient, world.getBalance(recipient).add(value));
      }
      world.touch(recipient);
    }
    MessageResult result;
    if (precompile != null) {
      result = runPrecompile(precompile, input, gas);
    } else if (code.length == 0) {
      result = new MessageResult(FrameState.SUCCESS, gas, EMPTY, null);
    } else {
      MessageFrame frame =
          new MessageFrame(ctx, code(code), recipient, sender, value, input, gas, isStatic, depth);
      runNested(frame);
      result = new MessageResult(frame.state, frame.gasRemaining, frame.output, frame.haltReason);
    }
    if (!result.isSuccess()) {
      world.revertToSnapshot(snapshot);
      ctx.truncateLogs(logCount);
      ctx.setRefund(refund);
    }
    if (tracer != null) {
      traceExit(ctx, tracer, depth, gas, result, result.gasRemaining());
    }
    return result;
  }

  /**
   * Reports to the context's tracer, if any, a frame that ends as it starts, as geth's tracers see
   * it: a call or creation its instruction refused before it ran (depth limit, insufficient
   * balance, nonce overflow, address collision: {@code state} EXCEPTIONAL_HALT with {@code error}),
   * or a SELFDESTRUCT's transfer (SUCCESS). It returns {@code gasReturned} of its {@code gas}.
   */
  public static void traceImmediateFrame(ExecutionContext ctx, FrameType type, int depth, Address from, Address to,
      UInt256 value, byte[] input, long gas, long gasReturned, FrameState state, String error) {
    OperationTracer tracer = ctx.tracer();
    if (tracer == null) {
      return;
    }
    tracer.onFrameEnter(type, depth, from, to, value, input, gas);
    MessageResult ended = new MessageResult(state, gasReturned, EMPTY, error);
    traceExit(ctx, tracer, depth, gas, ended, type.isCreate() ? gasReturned - gas : gasReturned);
  }

  /**
   * Reports a frame's end; {@code costAdjustment} is what the calling instruction's traced cost
   * adds back: all the callee returned for a call (whose gas counts in the call's cost), only what
   * it returned beyond what it was given for a creation (whose gas does not).
   */
  private static void traceExit(ExecutionContext ctx, OperationTracer tracer, int depth, long gas,
      MessageResult result, long costAdjustment) {
    ctx.tracedChildGasAdjustment = costAdjustment;
    String error = switch (result.state()) {
      case REVERTED -> "execution reverted";
      case EXCEPTIONAL_HALT -> result.haltReason();
      default -> null;
    };
    tracer.onFrameExit(depth, result.output(), gas - result.gasRemaining(), result.state(), error);
  }

  private static MessageResult runPrecompile(PrecompiledContract precompile, byte[] input, long gas) {
    long required = precompile.gasRequirement(input);
    if (required > gas || required < 0) {
      return new MessageResult(FrameState.EXCEPTIONAL_HALT, 0, EMPTY, "precompile out of gas");
    }
    byte[] output = precompile.compute(input);
    if (output == null) {
      return new MessageResult(FrameState.EXCEPTIONAL_HALT, 0, EMPTY, precompile.name() + " failed");
    }
    return new MessageResult(FrameState.SUCCESS, gas - required, output, null);
  }

  /**
   * Runs initcode to create the contract at {@code address}. The caller has bumped the sender's
   * nonce, warmed the address and ruled out a collision. On success the returned output is the
   * deployed code. {@code type} (CREATE or CREATE2) is for the tracer.
   */
  public MessageResult executeCreate(ExecutionContext ctx, FrameType type, Address sender, Address address,
      UInt256 value, byte[] initcode, long gas, int depth) {
    OperationTracer tracer = ctx.tracer();
    if (tracer != null) {
      tracer.onFrameEnter(type, depth, sender, address, value, initcode, gas);
    }
    WorldState world = ctx.world();
    int snapshot = world.snapshot();
    int logCount = ctx.logs().size();
    long refund = ctx.refund();
    world.createAccount(address);
    world.markCreated(address);
    world.setNonce(address, 1);
    if (!value.isZero()) {
      world.setBalance(sender, world.getBalance(sender).subtract(value));
      world.setBalance(address, world.getBalance(address).add(value));
    }
    MessageFrame frame =
        new MessageFrame(ctx, code(initcode), address, sender, value, EMPTY, gas, false, depth);
    runNested(frame);
    if (frame.state == FrameState.SUCCESS) {
      depositCode(frame, world, address);
    }
    if (frame.state != FrameState.SUCCESS) {
      world.revertToSnapshot(snapshot);
      ctx.truncateLogs(logCount);
      ctx.setRefund(refund);
    }
    MessageResult result = new MessageResult(frame.state, frame.gasRemaining, frame.output, frame.haltReason);
    if (tracer != null) {
      traceExit(ctx, tracer, depth, gas, result, result.gasRemaining() - gas);
    }
    return result;
  }

  private void depositCode(MessageFrame frame, WorldState world, Address address) {
    byte[] code = frame.output;
    if (code.length > gasCalculator.maxCodeSize()) {
      frame.halt("code size limit exceeded");
    } else if (code.length > 0 && code[0] == (byte) 0xEF) {
      frame.halt("code starts with 0xEF");
    } else if (frame.consumeGas(gasCalculator.codeDepositByteGasCost() * code.length)) {
      world.setCode(address, code);
    }
  }

  /** EIP-7610: creating at an address with a nonce, code or storage fails. */
  public static boolean hasCreationCollision(WorldState world, Address address) {
    return world.getNonce(address) != 0 || world.getCode(address).length != 0 || world.hasStorage(address);
  }

  /** CREATE address: keccak256(rlp([sender, nonce]))[12:]. */
  public static Address createAddress(Address sender, long nonce) {
    byte[] nonceRlp;
    if (nonce == 0) {
      nonceRlp = new byte[] {(byte) 0x80};
    } else if (nonce > 0 && nonce < 0x80) {
      nonceRlp = new byte[] {(byte) nonce};
    } else {
      int len = 8 - Long.numberOfLeadingZeros(nonce) / 8;
      nonceRlp = new byte[1 + len];
      nonceRlp[0] = (byte) (0x80 + len);
      for (int i = 0; i < len; i++) {
        nonceRlp[1 + i] = (byte) (nonce >>> (8 * (len - 1 - i)));
      }
    }
    byte[] rlp = new byte[2 + Address.SIZE + nonceRlp.length];
    rlp[0] = (byte) (0xC0 + 1 + Address.SIZE + nonceRlp.length);
    rlp[1] = (byte) (0x80 + Address.SIZE);
    System.arraycopy(sender.toArray(), 0, rlp, 2, Address.SIZE);
    System.arraycopy(nonceRlp, 0, rlp, 2 + Address.SIZE, nonceRlp.length);
    return fromHash(Keccak256.hash(rlp));
  }

  /** CREATE2 address: keccak256(0xff ++ sender ++ salt ++ keccak256(initcode))[12:]. */
  public static Address create2Address(Address sender, byte[] salt32, byte[] initcode) {
    byte[] buf = new byte[1 + Address.SIZE + 32 + 32];
    buf[0] = (byte) 0xFF;
    System.arraycopy(sender.toArray(), 0, buf, 1, Address.SIZE);
    System.arraycopy(salt32, 0, buf, 1 + Address.SIZE, 32);
    System.arraycopy(Keccak256.hash(initcode), 0, buf, 1 + Address.SIZE + 32, 32);
    return fromHash(Keccak256.hash(buf));
  }

  private static Address fromHash(byte[] hash) {
    return Address.wrap(Arrays.copyOfRange(hash, 12, 32));
  }
}
