package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.FrameView;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.Log;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * eth_simulateV1's {@code traceTransfers}: one call's logs with each ether transfer among them, in
 * execution order, as an ERC-20 {@code Transfer(from, to, value)} log emitted by ERC-7528's ether
 * address. As in geth: a value-carrying frame other than DELEGATECALL (CALLCODE names the code's
 * owner as recipient) and a SELFDESTRUCT of a non-zero balance are transfers, and a frame that
 * fails drops its logs and transfers with it.
 */
final class TransferLogTracer implements OperationTracer {
  /** ERC-7528's address standing for ether. */
  static final Address ETHER = Address.fromHex("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
  /** ERC-20's Transfer(address,address,uint256) event topic. */
  static final byte[] TRANSFER_TOPIC =
      Keccak256.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));
  private static final int SELFDESTRUCT = 0xff;

  private final WorldState world;
  /** The logs of each running frame, innermost on top. */
  private final Deque<List<Log>> frames = new ArrayDeque<>();
  private List<Log> logs = List.of();

  /** @param world the state the call runs on (SELFDESTRUCT's balance is read from it) */
  TransferLogTracer(WorldState world) {
    this.world = world;
  }

  /** The logs of the last call, transfers included; empty when it failed. */
  List<Log> logs() {
    return logs;
  }

  @Override
  public void onFrameEnter(FrameType type, int depth, Address from, Address to, UInt256 value, byte[] input,
      long gas) {
    if (depth == 0) {
      frames.clear();
      logs = List.of();
    }
    frames.push(new ArrayList<>());
    if (type != FrameType.DELEGATECALL && value != null && !value.isZero()) {
      frames.peek().add(transfer(from, to, value));
    }
  }

  @Override
  public void onLog(Log log) {
    frames.peek().add(log);
  }

  @Override
  public void onStepStart(int pc, int opcode, long gas, FrameView frame) {
    if (opcode == SELFDESTRUCT && frame.stackSize() > 0) {
      UInt256 balance = world.getBalance(frame.address());
      if (!balance.isZero()) {
        Address beneficiary = Address.fromWord(frame.stackItem(0).toBytes());
        frames.peek().add(transfer(frame.address(), beneficiary, balance));
      }
    }
  }

  @Override
  public void onFrameExit(int depth, byte[] output, long gasUsed, FrameState state, String error) {
    List<Log> done = frames.pop();
    boolean success = state == FrameState.SUCCESS;
    if (frames.isEmpty()) {
      logs = success ? List.copyOf(done) : List.of();
    } else if (success) {
      frames.peek().addAll(done);
    }
  }

  private static Log transfer(Address from, Address to, UInt256 value) {
    return new Log(ETHER, List.of(TRANSFER_TOPIC, word(from), word(to)), value.toBytes());
  }

  private static byte[] word(Address address) {
    byte[] word = new byte[32];
    System.arraycopy(address.toArray(), 0, word, 12, Address.SIZE);
    return word;
  }
}
