package io.nativerollups.evm.gas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;
import org.junit.jupiter.api.Test;

class GasCalculatorTest {
  private static final Address TO = Address.ofLong(0x1234);

  @Test
  void intrinsicGasCountsCalldataAndAccessList() {
    Transaction tx = Transaction.builder(TransactionType.ACCESS_LIST).to(TO)
        .data(new byte[] {0, 1, 0, 2})
        .accessList(List.of(new AccessListEntry(TO, List.of(UInt256.ONE, UInt256.ZERO))))
        .build();
    assertEquals(21_000 + 2 * 4 + 2 * 16 + 2_400 + 2 * 1_900,
        GasCalculator.forFork(Fork.CANCUN).transactionIntrinsicGas(tx));
  }

  @Test
  void creationPaysCreateAndInitcodeWords() {
    Transaction tx = Transaction.builder(TransactionType.EIP1559).data(new byte[33]).build();
    assertEquals(53_000 + 33 * 4 + 2 * 2, GasCalculator.forFork(Fork.CANCUN).transactionIntrinsicGas(tx));
  }

  @Test
  void floorGasAppliesFromPragueOnly() {
    Transaction tx = Transaction.builder(TransactionType.EIP1559).to(TO).data(new byte[] {0, 7}).build();
    assertEquals(0, GasCalculator.forFork(Fork.CANCUN).transactionFloorGas(tx));
    assertEquals(21_000 + 10 + 40, GasCalculator.forFork(Fork.PRAGUE).transactionFloorGas(tx));
    assertEquals(21_000 + 10 + 40, GasCalculator.forFork(Fork.OSAKA).transactionFloorGas(tx));
  }

  @Test
  void sstoreCostsAndRefundsFollowEip2200WithEip3529Values() {
    GasCalculator g = GasCalculator.forFork(Fork.CANCUN);
    UInt256 zero = UInt256.ZERO, one = UInt256.ONE, two = UInt256.valueOf(2);
    assertEquals(20_000, g.sstoreGasCost(zero, zero, one));
    assertEquals(2_900, g.sstoreGasCost(one, one, two));
    assertEquals(100, g.sstoreGasCost(one, two, one));
    assertEquals(4_800, g.sstoreRefund(one, one, zero));
    assertEquals(-4_800 + 2_800, g.sstoreRefund(one, zero, one));
    assertEquals(19_900, g.sstoreRefund(zero, one, zero));
  }

  @Test
  void memoryCostIsQuadratic() {
    GasCalculator g = GasCalculator.forFork(Fork.CANCUN);
    assertEquals(3, g.memoryExpansionGasCost(0, 1));
    assertEquals(3 * 1024 + 2048, g.memoryCost(1024));
    assertEquals(0, g.memoryExpansionGasCost(5, 3));
  }

  @Test
  void blobParametersChangePerFork() {
    assertEquals(6, GasCalculator.forFork(Fork.CANCUN).maxBlobsPerBlock());
    assertEquals(9, GasCalculator.forFork(Fork.PRAGUE).maxBlobsPerBlock());
    assertEquals(6, GasCalculator.forFork(Fork.OSAKA).maxBlobsPerTransaction());
    assertEquals(UInt256.ONE, GasCalculator.forFork(Fork.CANCUN).blobBaseFee(0));
    assertEquals(1L << 24, GasCalculator.forFork(Fork.OSAKA).maxTransactionGasLimit());
  }
}
