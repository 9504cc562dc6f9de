package io.nativerollups.evm.processing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.AuthorizationSigner;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.Delegation;
import io.nativerollups.evm.vm.EVM;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End-to-end behaviour of transactions: storage gas and refunds, transient storage, calls and the
 * 63/64 rule, creation and collisions, SELFDESTRUCT under EIP-6780, EIP-7702 delegation, validation.
 */
class TransactionProcessorTest {
  private static final Address SENDER = Address.ofLong(0xaaaa);
  private static final Address CONTRACT = Address.ofLong(0xcccc);
  private static final Address OTHER = Address.ofLong(0xdddd);
  private static final Address COINBASE = Address.ofLong(0xc0ffee);
  private static final UInt256 ETHER = UInt256.fromHexString("0xde0b6b3a7640000");
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1000, 30_000_000,
      UInt256.valueOf(7), new byte[32], UInt256.ONE, 1, n -> null);

  private InMemoryWorldState world;

  @BeforeEach
  void setUp() {
    world = new InMemoryWorldState();
    world.setBalance(SENDER, ETHER);
    world.commitTransaction();
  }

  private void deploy(Address at, String hexCode) {
    world.setCode(at, HexFormat.of().parseHex(hexCode));
    world.commitTransaction();
  }

  private static Transaction call(Address to, long gas) {
    return Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).to(to).gasLimit(gas)
        .maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.valueOf(2)).sender(SENDER).build();
  }

  private TransactionResult run(Fork fork, Transaction tx) {
    return new TransactionProcessor(fork, Map.of()).process(world, BLOCK, tx);
  }

  @Test
  void sstoreOfNewValueCostsTwentyThousandPlusColdSlot() {
    deploy(CONTRACT, "6001600055"); // SSTORE(0, 1)
    TransactionResult r = run(Fork.CANCUN, call(CONTRACT, 100_000));
    assertTrue(r.success());
    assertEquals(21_000 + 3 + 3 + 2_100 + 20_000, r.gasUsed());
    assertEquals(UInt256.ONE, world.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void clearingASlotRefundsUpToOneFifthOfGasUsed() {
    world.setStorage(CONTRACT, UInt256.ZERO, UInt256.ONE);
    deploy(CONTRACT, "6000600055"); // SSTORE(0, 0)
    TransactionResult r = run(Fork.CANCUN, call(CONTRACT, 100_000));
    long used = 21_000 + 3 + 3 + 2_100 + 2_900;
    assertEquals(used - Math.min(4_800, used / 5), r.gasUsed());
  }

  @Test
  void coinbaseEarnsOnlyThePriorityFeeAndSenderPaysEffectivePrice() {
    TransactionResult r = run(Fork.CANCUN, call(OTHER, 21_000));
    assertEquals(21_000, r.gasUsed());
    assertEquals(UInt256.valueOf(2 * 21_000), world.getBalance(COINBASE));
    assertEquals(ETHER.subtract(UInt256.valueOf(9 * 21_000)), world.getBalance(SENDER));
    assertEquals(1, world.getNonce(SENDER));
  }

  @Test
  void transientStorageIsVisibleWithinTheTransactionOnly() {
    // TSTORE(1, 5); TLOAD(1); SSTORE(0, that)
    deploy(CONTRACT, "600560015d60015c600055");
    assertTrue(run(Fork.CANCUN, call(CONTRACT, 100_000)).success());
    assertEquals(UInt256.valueOf(5), world.getStorage(CONTRACT, UInt256.ZERO));
    assertEquals(UInt256.ZERO, world.getTransientStorage(CONTRACT, UInt256.ONE));
  }

  @Test
  void callPassesAtMostAllButOneSixtyFourthAndStoresGasSeen() {
    deploy(OTHER, "5a600055"); // SSTORE(0, GAS)
    // CALL(gas=all, OTHER, 0, 0, 0, 0, 0); then stop
    deploy(CONTRACT, "60006000600060006000" + "61dddd" + "5a" + "f1" + "00");
    long gasLimit = 200_000;
    assertTrue(run(Fork.CANCUN, call(CONTRACT, gasLimit)).success());
    long available = gasLimit - 21_000 - 5 * 3 - 3 - 2 - 2_600;
    long passed = available - available / 64;
    assertEquals(UInt256.valueOf(passed - 2), world.getStorage(OTHER, UInt256.ZERO));
  }

  @Test
  void revertUndoesStateAndReturnsRemainingGas() {
    deploy(CONTRACT, "600160005560006000fd"); // SSTORE(0,1); REVERT(0,0)
    TransactionResult r = run(Fork.CANCUN, call(CONTRACT, 100_000));
    assertFalse(r.success());
    assertEquals(21_000 + 3 + 3 + 22_100 + 3 + 3, r.gasUsed());
    assertEquals(UInt256.ZERO, world.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void exceptionalHaltConsumesAllGas() {
    deploy(CONTRACT, "fe");
    TransactionResult r = run(Fork.CANCUN, call(CONTRACT, 50_000));
    assertFalse(r.success());
    assertEquals(50_000, r.gasUsed());
  }

  @Test
  void creationTransactionDeploysReturnedCode() {
    // initcode: MSTORE8(0, 0x42); RETURN(0, 1)
    Transaction tx = Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).gasLimit(100_000)
        .maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.ONE)
        .data(HexFormat.of().parseHex("604260005360016000f3")).sender(SENDER).build();
    TransactionResult r = run(Fork.CANCUN, tx);
    assertTrue(r.success());
    Address created = EVM.createAddress(SENDER, 0);
    assertEquals(created, r.createdAddress());
    assertArrayEquals(new byte[] {0x42}, world.getCode(created));
    assertEquals(1, world.getNonce(created));
  }

  @Test
  void creationOntoAccountWithStorageCollidesAndConsumesAllGas() {
    Address target = EVM.createAddress(SENDER, 0);
    world.setStorage(target, UInt256.ONE, UInt256.ONE);
    world.commitTransaction();
    Transaction tx = Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).gasLimit(100_000)
        .maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.ONE)
        .data(new byte[] {0}).sender(SENDER).build();
    TransactionResult r = run(Fork.CANCUN, tx);
    assertFalse(r.success());
    assertEquals(100_000, r.gasUsed());
    assertNull(r.createdAddress());
    assertEquals(1, world.getNonce(SENDER));
  }

  @Test
  void create2ChildReturningEfCodeFails() {
    // initcode of child: MSTORE8(0, 0xef); RETURN(0, 1)  (10 bytes, stored left-aligned by PUSH10+MSTORE)
    // parent: MSTORE(0, initcode << 176); CREATE2(0, 0, 10, salt 0); SSTORE(0, result + 1)
    deploy(CONTRACT, "69" + "60ef60005360016000f3" + "60b01b" + "600052"
        + "6000600a60006000f5" + "600101" + "600055");
    assertTrue(run(Fork.CANCUN, call(CONTRACT, 5_000_000)).success());
    assertEquals(UInt256.ONE, world.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void selfDestructOfPreExistingContractOnlyMovesBalance() {
    world.setBalance(CONTRACT, UInt256.valueOf(1000));
    deploy(CONTRACT, "61dddd" + "ff");
    assertTrue(run(Fork.CANCUN, call(CONTRACT, 100_000)).success());
    assertTrue(world.exists(CONTRACT));
    assertEquals(1, world.getCode(CONTRACT).length > 0 ? 1 : 0);
    assertEquals(UInt256.ZERO, world.getBalance(CONTRACT));
    assertEquals(UInt256.valueOf(1000), world.getBalance(OTHER));
  }

  @Test
  void selfDestructInSameTransactionAsCreationDeletesTheAccount() {
    // initcode: SELFDESTRUCT(0xdddd)
    Transaction tx = Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).gasLimit(100_000)
        .maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.ONE).value(UInt256.valueOf(5))
        .data(HexFormat.of().parseHex("61ddddff")).sender(SENDER).build();
    assertTrue(run(Fork.CANCUN, tx).success());
    assertFalse(world.exists(EVM.createAddress(SENDER, 0)));
    assertEquals(UInt256.valueOf(5), world.getBalance(OTHER));
  }

  @Test
  void staticCallCannotWriteStorage() {
    deploy(OTHER, "6001600055");
    // STATICCALL(gas, OTHER, 0, 0, 0, 0); SSTORE(0, result)
    deploy(CONTRACT, "600060006000600061dddd5afa600055");
    assertTrue(run(Fork.CANCUN, call(CONTRACT, 200_000)).success());
    assertEquals(UInt256.ZERO, world.getStorage(OTHER, UInt256.ZERO));
    assertEquals(UInt256.ZERO, world.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void setCodeTransactionDelegatesAndCallRunsDelegateCode() {
    byte[] key = oneKey();
    Address authority = io.nativerollups.evm.crypto.Secp256k1.addressOf(key);
    deploy(OTHER, "6007600055"); // SSTORE(0, 7)
    Authorization auth = AuthorizationSigner.sign(UInt256.ONE, OTHER, 0, key);
    Transaction tx = Transaction.builder(TransactionType.SET_CODE).chainId(UInt256.ONE).to(authority)
        .gasLimit(200_000).maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.ONE)
        .authorizationList(List.of(auth)).sender(SENDER).build();
    TransactionResult r = run(Fork.PRAGUE, tx);
    assertTrue(r.valid(), r.invalidReason());
    assertTrue(r.success());
    assertArrayEquals(Delegation.designator(OTHER), world.getCode(authority));
    assertEquals(1, world.getNonce(authority));
    assertEquals(UInt256.valueOf(7), world.getStorage(authority, UInt256.ZERO));
  }

  private static byte[] oneKey() {
    byte[] key = new byte[32];
    key[31] = 1;
    return key;
  }

  @Test
  void setCodeTransactionIsInvalidBeforePrague() {
    Transaction tx = Transaction.builder(TransactionType.SET_CODE).chainId(UInt256.ONE).to(OTHER)
        .gasLimit(100_000).maxFeePerGas(UInt256.valueOf(10)).maxPriorityFeePerGas(UInt256.ONE)
        .authorizationList(List.of(AuthorizationSigner.sign(UInt256.ONE, OTHER, 0, oneKey()))).sender(SENDER).build();
    assertFalse(run(Fork.CANCUN, tx).valid());
  }

  @Test
  void invalidTransactionsLeaveStateUntouched() {
    byte[] root = world.rootHash();
    assertNotNull(run(Fork.CANCUN, call(OTHER, 20_999)).invalidReason());
    Transaction wrongNonce = call(OTHER, 21_000).toBuilder().nonce(3).build();
    assertFalse(run(Fork.CANCUN, wrongNonce).valid());
    Transaction lowFee = call(OTHER, 21_000).toBuilder().maxFeePerGas(UInt256.valueOf(6)).maxPriorityFeePerGas(UInt256.ONE).build();
    assertFalse(run(Fork.CANCUN, lowFee).valid());
    assertFalse(run(Fork.OSAKA, call(OTHER, (1L << 24) + 1)).valid());
    deploy(SENDER, "00");
    assertFalse(run(Fork.CANCUN, call(OTHER, 21_000)).valid());
    world.setCode(SENDER, new byte[0]);
    world.commitTransaction();
    assertArrayEquals(root, world.rootHash());
  }

  @Test
  void pragueChargesTheCalldataFloor() {
    Transaction tx = call(OTHER, 100_000).toBuilder().data(new byte[100]).build();
    // intrinsic 21000 + 400, floor 21000 + 1000
    assertEquals(22_000, run(Fork.PRAGUE, tx).gasUsed());
    assertEquals(21_400, run(Fork.CANCUN, tx.toBuilder().nonce(1).build()).gasUsed());
  }

  private TransactionResult setCode(Fork fork, Address to, long gas, Authorization... auths) {
    Transaction tx = Transaction.builder(TransactionType.SET_CODE).chainId(UInt256.ONE).to(to)
        .nonce(world.getNonce(SENDER)).gasLimit(gas).maxFeePerGas(UInt256.valueOf(10))
        .maxPriorityFeePerGas(UInt256.ONE).authorizationList(List.of(auths)).sender(SENDER).build();
    return run(fork, tx);
  }

  @Test
  void extCodeOperationsSeeTheDesignatorItself() {
    byte[] key = oneKey();
    Address authority = io.nativerollups.evm.crypto.Secp256k1.addressOf(key);
    world.setCode(authority, Delegation.designator(OTHER));
    // SSTORE(0, EXTCODESIZE(authority)); SSTORE(1, EXTCODEHASH(authority))
    String push = "73" + authority.toHexString().substring(2);
    deploy(CONTRACT, push + "3b600055" + push + "3f600155");
    assertTrue(run(Fork.PRAGUE, call(CONTRACT, 200_000)).success());
    assertEquals(UInt256.valueOf(23), world.getStorage(CONTRACT, UInt256.ZERO));
    assertEquals(UInt256.fromBytes(io.nativerollups.evm.crypto.Keccak256.hash(Delegation.designator(OTHER))),
        world.getStorage(CONTRACT, UInt256.ONE));
  }

  @Test
  void callIntoDelegatedAccountPaysColdAccessOfTheDelegate() {
    byte[] key = oneKey();
    Address authority = io.nativerollups.evm.crypto.Secp256k1.addressOf(key);
    world.setCode(authority, Delegation.designator(OTHER));
    deploy(OTHER, "00");
    // CALL(0 gas, authority, 0, 0, 0, 0, 0); then stop
    deploy(CONTRACT, "6000600060006000600073" + authority.toHexString().substring(2) + "6000f100");
    TransactionResult r = run(Fork.PRAGUE, call(CONTRACT, 100_000));
    assertTrue(r.success());
    assertEquals(21_000 + 7 * 3 + 2_600 + 2_600, r.gasUsed());
  }

  @Test
  void delegationToAPrecompileRunsNoCode() {
    byte[] key = oneKey();
    Address authority = io.nativerollups.evm.crypto.Secp256k1.addressOf(key);
    Address identity = Address.ofLong(4);
    world.setCode(authority, Delegation.designator(identity));
    world.commitTransaction();
    // CALL(GAS, authority, 0, in 0..1, out 0..32); SSTORE(0, RETURNDATASIZE)
    deploy(CONTRACT, "602060006001600060007" + "3" + authority.toHexString().substring(2) + "5af1503d600055");
    TransactionResult r = new TransactionProcessor(Fork.PRAGUE,
        io.nativerollups.evm.precompile.Precompiles.forFork(Fork.PRAGUE)).process(world, BLOCK, call(CONTRACT, 200_000));
    assertTrue(r.success());
    assertEquals(UInt256.ZERO, world.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void invalidAuthorizationsAreSkippedButStillPaidFor() {
    byte[] key = oneKey();
    Address authority = io.nativerollups.evm.crypto.Secp256k1.addressOf(key);
    Authorization wrongChain = AuthorizationSigner.sign(UInt256.valueOf(5), OTHER, 0, key);
    Authorization wrongNonce = AuthorizationSigner.sign(UInt256.ONE, OTHER, 7, key);
    TransactionResult r = setCode(Fork.PRAGUE, OTHER, 100_000, wrongChain, wrongNonce);
    assertTrue(r.success());
    assertEquals(21_000 + 2 * 25_000, r.gasUsed());
    assertEquals(0, world.getCode(authority).length);
    assertEquals(0, world.getNonce(authority));
  }

  @Test
  void authorizationOfAnExistingAccountRefundsAndZeroAddressClearsDelegation() {
    byte[] key = oneKey();
    Address authority = io.nativerollups.evm.crypto.Secp256k1.addressOf(key);
    world.setBalance(authority, UInt256.ONE);
    world.setCode(authority, Delegation.designator(OTHER));
    world.commitTransaction();
    TransactionResult r = setCode(Fork.PRAGUE, OTHER, 100_000, AuthorizationSigner.sign(UInt256.ZERO, Address.ZERO, 0, key));
    assertTrue(r.success());
    assertEquals(0, world.getCode(authority).length);
    assertEquals(1, world.getNonce(authority));
    long used = 21_000 + 25_000;
    assertEquals(used - Math.min(12_500, used / 5), r.gasUsed());
  }

  @Test
  void valueCallToDeadAccountPaysTransferAndNewAccountAndGetsTheStipend() {
    world.setBalance(CONTRACT, UInt256.valueOf(10));
    // CALL(0 gas, 0xdddd, value 1, 0, 0, 0, 0); stop
    deploy(CONTRACT, "600060006000600060016" + "1dddd6000f100");
    TransactionResult r = run(Fork.CANCUN, call(CONTRACT, 100_000));
    assertTrue(r.success());
    // the 2300 stipend is not charged to the caller; the empty callee returns it unused
    assertEquals(21_000 + 7 * 3 + 2_600 + 9_000 + 25_000 - 2_300, r.gasUsed());
    assertEquals(UInt256.ONE, world.getBalance(OTHER));
  }

  @Test
  void callWithMoreValueThanBalanceFailsAndKeepsTheGas() {
    // SSTORE(0, CALL(0 gas, 0xdddd, value 1, 0, 0, 0, 0) + 1)
    deploy(CONTRACT, "600060006000600060016" + "1dddd6000f1600101600055");
    TransactionResult r = run(Fork.CANCUN, call(CONTRACT, 100_000));
    assertTrue(r.success());
    assertEquals(UInt256.ONE, world.getStorage(CONTRACT, UInt256.ZERO));
    assertEquals(UInt256.ZERO, world.getBalance(OTHER));
  }

  @Test
  void returnDataCopyPastTheEndHalts() {
    deploy(OTHER, "60ff60005360016000f3"); // returns one byte
    // CALL(GAS, 0xdddd, 0, 0, 0, 0, 0); RETURNDATACOPY(0, 0, 2)
    deploy(CONTRACT, "60006000600060006000" + "61dddd5af150" + "600260006000" + "3e");
    TransactionResult ok = run(Fork.CANCUN, call(CONTRACT, 100_000));
    assertFalse(ok.success());
    assertEquals(100_000, ok.gasUsed());
  }

  @Test
  void transientStoreInStaticContextFails() {
    deploy(OTHER, "600160015d"); // TSTORE(1, 1)
    // SSTORE(0, STATICCALL(0xffff gas, 0xdddd, 0, 0, 0, 0) + 1)
    deploy(CONTRACT, "600060006000600061dddd61fffffa600101600055");
    assertTrue(run(Fork.CANCUN, call(CONTRACT, 200_000)).success());
    assertEquals(UInt256.ONE, world.getStorage(CONTRACT, UInt256.ZERO));
  }
}
