package io.nativerollups.evm.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.Log;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an {@link OperationTracer} sees of a transaction: steps, storage accesses, frames, logs. */
class OperationTracerTest {
  private static final Address SENDER = Address.ofLong(0x5e);
  private static final Address A = Address.ofLong(0x0a0a);
  private static final Address B = Address.ofLong(0x0b0b);
  private static final Address C = Address.ofLong(0x0c0c);
  private static final BlockContext BLOCK = new BlockContext(Address.ofLong(0xc0), 1, 1000, 30_000_000,
      UInt256.valueOf(7), new byte[32], UInt256.ONE, 1, n -> null);
  private static final long TX_GAS = 200_000;
  private static final long FRAME_GAS = TX_GAS - 21_000;
  /** CALL(GAS, B, 0, 0, 0, 0, 0); POP; DELEGATECALL(GAS, C, 0, 0, 0, 0); POP; STOP: the CALL is at pc 14. */
  private static final String CALL_B_THEN_DELEGATECALL_C =
      "60006000600060006000610b0b5af150" + "6000600060006000610c0c5af45000";
  /** SSTORE(0, 1); STOP: 22,106 gas on a cold, empty slot. */
  private static final String STORE_ONE = "600160005500";
  /** MSTORE(0, 0xaa); REVERT(0, 32): 18 gas. */
  private static final String REVERT_32 = "60aa60005260206000fd";

  private InMemoryWorldState world;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void setUp() {
    world = new InMemoryWorldState();
    world.setBalance(SENDER, UInt256.fromHexString("0xde0b6b3a7640000"));
    world.commitTransaction();
  }

  private void deploy(Address at, String hexCode) {
    world.setCode(at, HexFormat.of().parseHex(hexCode));
    world.commitTransaction();
  }

  private void deployCallTree() {
    deploy(B, STORE_ONE);
    deploy(C, REVERT_32);
    deploy(A, CALL_B_THEN_DELEGATECALL_C);
  }

  private TransactionResult run(Address to, OperationTracer tracer) {
    Transaction tx = Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).to(to).gasLimit(TX_GAS)
        .maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.valueOf(2)).sender(SENDER).build();
    return new TransactionProcessor(Fork.CANCUN, Map.of()).process(world, BLOCK, tx, tracer);
  }

  private List<String> eventsStartingWith(String... prefixes) {
    return recorder.events.stream().filter(e -> {
      for (String p : prefixes) {
        if (e.startsWith(p)) {
          return true;
        }
      }
      return false;
    }).toList();
  }

  @Test
  void reportsEachStepWithPcGasCostAndTheStackBeforeIt() {
    deploy(A, "600260030100"); // PUSH1 2; PUSH1 3; ADD; STOP
    run(A, recorder);
    assertEquals(List.of(
        "tx start",
        "enter CALL 0 " + SENDER + "->" + A + " value 0x0 gas " + FRAME_GAS,
        "step 0 PUSH1 depth 0 gas " + FRAME_GAS + " stack []",
        "end 0 PUSH1 cost 3 error null",
        "step 2 PUSH1 depth 0 gas " + (FRAME_GAS - 3) + " stack [0x2]",
        "end 2 PUSH1 cost 3 error null",
        "step 4 ADD depth 0 gas " + (FRAME_GAS - 6) + " stack [0x3, 0x2]",
        "end 4 ADD cost 3 error null",
        "step 5 STOP depth 0 gas " + (FRAME_GAS - 9) + " stack [0x5]",
        "end 5 STOP cost 0 error null",
        "exit 0 SUCCESS used 9 error null",
        "tx end gasUsed 21009"), recorder.events);
  }

  @Test
  void nestedFramesComeBetweenTheirCallStepsStartAndEndAndTheCallCostsTheGasItPassesOn() {
    deployCallTree();
    TransactionResult result = run(A, recorder);
    assertTrue(result.success());
    // at the CALL: 179,000 - 18 (six pushes) - 2 (GAS) = 178,980; after the cold access (2,600)
    // all but one 64th of 176,380 is passed on: 173,625
    long callGas = 176_380 - 176_380 / 64;
    // back from B: 178,980 - 2,600 - 173,625 + (173,625 - 22,106), then POP, four pushes, PUSH2, GAS
    long atDelegateCall = 178_980 - 2_600 - 22_106 - 2 - 15 - 2;
    long delegateGas = (atDelegateCall - 2_600) - (atDelegateCall - 2_600) / 64;
    long frameUsed = FRAME_GAS - (atDelegateCall - 2_600 - 18 - 2);
    assertEquals(List.of(
        "enter CALL 0 " + SENDER + "->" + A + " value 0x0 gas " + FRAME_GAS,
        "step 14 CALL depth 0 gas 178980 stack [0x2bb24, 0xb0b, 0x0, 0x0, 0x0, 0x0, 0x0]",
        "enter CALL 1 " + A + "->" + B + " value 0x0 gas " + callGas,
        "storage " + B + " 0x0=0x1 write",
        "exit 1 SUCCESS used 22106 error null",
        "end 14 CALL cost " + (2_600 + callGas) + " error null",
        "enter DELEGATECALL 1 " + A + "->" + C + " value 0x0 gas " + delegateGas,
        "exit 1 REVERTED used 18 error execution reverted",
        "exit 0 SUCCESS used " + frameUsed + " error null",
        "tx end gasUsed " + (21_000 + frameUsed)),
        eventsStartingWith("enter", "exit", "step 14", "end 14", "storage", "tx end"));
    List<String> duringCall = recorder.events.subList(
        recorder.events.indexOf(eventsStartingWith("step 14").get(0)), recorder.events.indexOf(eventsStartingWith("end 14").get(0)));
    assertEquals(List.of("PUSH1", "PUSH1", "SSTORE", "STOP"), duringCall.stream()
        .filter(e -> e.startsWith("step") && e.contains(" depth 1 ")).map(e -> e.split(" ")[2]).toList());
  }

  @Test
  void stepsFollowJumps() {
    deploy(A, "6005565b005b600356"); // JUMP(5); JUMPDEST; STOP; JUMPDEST; JUMP(3)
    run(A, recorder);
    assertEquals(List.of("0 PUSH1", "2 JUMP", "5 JUMPDEST", "6 PUSH1", "8 JUMP", "3 JUMPDEST", "4 STOP"),
        eventsStartingWith("step").stream().map(e -> e.split(" ")[1] + " " + e.split(" ")[2]).toList());
  }

  @Test
  void slotReadBySloadIsReportedWithItsCurrentValue() {
    world.setStorage(A, UInt256.valueOf(7), UInt256.valueOf(42));
    deploy(A, "60075400"); // SLOAD(7); STOP
    run(A, recorder);
    assertEquals(List.of("storage " + A + " 0x7=0x2a read"), eventsStartingWith("storage"));
  }

  @Test
  void haltReasonIsReportedOnTheStepAndTheFrame() {
    deploy(A, "600156"); // JUMP(1): not a JUMPDEST
    TransactionResult result = run(A, recorder);
    assertEquals(List.of(
        "end 0 PUSH1 cost 3 error null",
        "end 2 JUMP cost 8 error invalid jump destination",
        "exit 0 EXCEPTIONAL_HALT used " + FRAME_GAS + " error invalid jump destination",
        "tx end gasUsed " + TX_GAS), eventsStartingWith("end", "exit", "tx end"));
    assertFalse(result.success());
  }

  @Test
  void anInstructionOutOfGasCostsTheChargeItCouldNotPay() {
    deploy(A, "6001600055"); // SSTORE(0, 1): 22,100 on a cold empty slot
    Transaction tx = Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).to(A).gasLimit(21_000 + 6 + 3_000)
        .maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.valueOf(2)).sender(SENDER).build();
    new TransactionProcessor(Fork.CANCUN, Map.of()).process(world, BLOCK, tx, recorder);
    assertEquals(List.of("end 4 SSTORE cost 22100 error out of gas"), eventsStartingWith("end 4"));
  }

  @Test
  void stackUnderflowCostsTheStaticGasAsInGeth() {
    deploy(A, "01"); // ADD on an empty stack
    run(A, recorder);
    assertEquals(List.of("end 0 ADD cost 3 error stack underflow (0 <=> 2)"), eventsStartingWith("end"));
  }

  @Test
  void callRefusedForBalanceIsAFrameThatFailsAtOnce() {
    // CALL(GAS, B, 1, 0, 0, 0, 0) from A, which holds nothing
    deploy(A, "6000600060006000600161" + "0b0b" + "5af100");
    run(A, recorder);
    long available = FRAME_GAS - 20 - 2_600 - 9_000 - 25_000;
    long callGas = available - available / 64;
    assertEquals(List.of(
        "enter CALL 1 " + A + "->" + B + " value 0x1 gas " + (callGas + 2_300),
        "exit 1 EXCEPTIONAL_HALT used 0 error insufficient balance for transfer",
        "end 14 CALL cost " + (2_600 + 9_000 + 25_000 + callGas) + " error null"),
        eventsStartingWith("enter CALL 1", "exit 1", "end 14"));
  }

  @Test
  void createCostsItsOwnGasOnlyNotWhatItPassesOn() {
    deploy(A, "600060006000f000"); // CREATE(0, 0, 0); STOP
    run(A, recorder);
    Address created = EVM.createAddress(A, 0);
    List<String> events = eventsStartingWith("enter CREATE", "exit 1", "end 6");
    assertEquals(3, events.size(), events.toString());
    assertTrue(events.get(0).startsWith("enter CREATE 1 " + A + "->" + created + " value 0x0 gas "), events.get(0));
    assertEquals("exit 1 SUCCESS used 0 error null", events.get(1));
    assertEquals("end 6 CREATE cost 32000 error null", events.get(2));
  }

  @Test
  void selfDestructIsReportedAsAFrameMovingTheBalance() {
    world.setBalance(A, UInt256.valueOf(5));
    deploy(A, "610b0bff"); // SELFDESTRUCT(B)
    run(A, recorder);
    assertEquals(List.of(
        "enter SELFDESTRUCT 1 " + A + "->" + B + " value 0x5 gas 0",
        "exit 1 SUCCESS used 0 error null",
        "end 3 SELFDESTRUCT cost " + (5_000 + 2_600 + 25_000) + " error null"),
        eventsStartingWith("enter SELFDESTRUCT", "exit 1", "end 3"));
  }

  @Test
  void logsAreReportedAsEmitted() {
    deploy(A, "60ff6000a000"); // LOG0(0, 0xff); STOP
    run(A, recorder);
    assertEquals(List.of("log " + A + " topics 0 data 255 bytes"), eventsStartingWith("log"));
  }

  @Test
  void transactionStartSeesTheStateBeforeTheGasIsBoughtAndTheEndTheStateAfterTheFees() {
    deploy(A, "00");
    UInt256 before = world.getBalance(SENDER);
    List<String> seen = new ArrayList<>();
    TransactionResult result = run(A, new OperationTracer() {
      @Override
      public void onTransactionStart(Transaction tx, BlockContext block, StateView state) {
        seen.add("start nonce " + state.nonce(SENDER) + " balance " + state.balance(SENDER) + " in " + block.number());
      }

      @Override
      public void onTransactionEnd(Transaction tx, TransactionResult r, StateView state) {
        seen.add("end nonce " + state.nonce(SENDER) + " balance " + state.balance(SENDER));
      }
    });
    // EIP-1559 at base fee 7 and tip 2: 9 wei per gas
    UInt256 after = before.subtract(UInt256.valueOf(9 * result.gasUsed()));
    assertEquals(List.of("start nonce 0 balance " + before + " in 1", "end nonce 1 balance " + after), seen);
  }

  @Test
  void tracedRunEndsInTheSameStateAndGasAsTheUntracedOne() {
    deployCallTree();
    TransactionResult traced = run(A, recorder);
    byte[] tracedRoot = world.rootHash();
    setUp();
    deployCallTree();
    TransactionResult untraced = run(A, null);
    assertEquals(untraced.gasUsed(), traced.gasUsed());
    assertEquals(HexFormat.of().formatHex(world.rootHash()), HexFormat.of().formatHex(tracedRoot));
  }

  /** Writes each callback as one line. */
  private static final class Recorder implements OperationTracer {
    final List<String> events = new ArrayList<>();

    @Override
    public void onTransactionStart(Transaction tx, BlockContext block, StateView state) {
      events.add("tx start");
    }

    @Override
    public void onTransactionEnd(Transaction tx, TransactionResult result, StateView state) {
      events.add("tx end gasUsed " + result.gasUsed());
    }

    @Override
    public void onFrameEnter(FrameType type, int depth, Address from, Address to, UInt256 value, byte[] input,
        long gas) {
      events.add("enter " + type + " " + depth + " " + from + "->" + to + " value " + value.toHexString() + " gas " + gas);
    }

    @Override
    public void onFrameExit(int depth, byte[] output, long gasUsed, FrameState state, String error) {
      events.add("exit " + depth + " " + state + " used " + gasUsed + " error " + error);
    }

    @Override
    public void onStepStart(int pc, int opcode, long gas, FrameView frame) {
      List<String> stack = new ArrayList<>();
      for (int i = 0; i < frame.stackSize(); i++) {
        stack.add(frame.stackItem(i).toHexString());
      }
      events.add("step " + pc + " " + frame.operationName(opcode) + " depth " + frame.depth() + " gas " + gas
          + " stack " + stack);
    }

    @Override
    public void onStorageAccess(UInt256 key, UInt256 value, boolean write, FrameView frame) {
      events.add("storage " + frame.address() + " " + key.toHexString() + "=" + value.toHexString()
          + (write ? " write" : " read"));
    }

    @Override
    public void onStepEnd(int pc, int opcode, long gasBefore, long gasCost, String error, FrameView frame) {
      events.add("end " + pc + " " + frame.operationName(opcode) + " cost " + gasCost + " error " + error);
    }

    @Override
    public void onLog(Log log) {
      events.add("log " + log.address() + " topics " + log.topics().size() + " data " + log.data().length + " bytes");
    }
  }
}
