package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.tracing.FrameType;
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
 * owner as recipient) is a transfer, SELFDESTRUCT's sending of a non-zero balance included (the EVM
 * reports it as a frame of its own), and a frame that fails drops its logs and transfers with it.
 */
final class TransferLogTracer implements OperationTracer {
  /** ERC-7528's address standing for ether. */
  static final Address ETHER = Address.fromHex("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
  /** ERC-20's Transfer(address,address,uint256) event topic. */
  static final byte[] TRANSFER_TOPIC =
      Keccak256.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));
  /** The logs of each running frame, innermost on top. */
  private final Deque<List<Log>> frames = new ArrayDeque<>();
  private List<Log> logs = List.of();

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
