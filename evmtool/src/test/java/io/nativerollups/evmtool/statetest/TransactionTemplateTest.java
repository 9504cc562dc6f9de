package io.nativerollups.evmtool.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.tx.AccessListEntry;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evmtool.statetest.TransactionTemplate.AuthorizationTemplate;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionTemplateTest {
  private static final Address TO = Address.ofLong(0x1234);
  private static final Address SENDER = Address.ofLong(0xabcd);
  private static final BigInteger TEN = BigInteger.TEN;

  private static TransactionTemplate template(
      BigInteger gasPrice, BigInteger maxFee, List<List<AccessListEntry>> accessLists,
      List<byte[]> blobHashes, List<AuthorizationTemplate> authorizations, List<BigInteger> values) {
    return new TransactionTemplate(
        BigInteger.ONE, gasPrice, maxFee, maxFee == null ? null : BigInteger.ONE,
        blobHashes == null ? null : TEN, TO,
        List.of(new byte[] {1}, new byte[] {2}), List.of(BigInteger.valueOf(100_000)), values,
        accessLists, blobHashes, authorizations, SENDER);
  }

  @Test
  void gasPriceOnlyMakesALegacyTransactionPickingTheIndexedValues() {
    Transaction tx = template(TEN, null, null, null, null, List.of(BigInteger.ZERO, BigInteger.TWO)).build(1, 0, 1, 1);
    assertEquals(TransactionType.LEGACY, tx.type());
    assertEquals(2, tx.data()[0]);
    assertEquals(UInt256.valueOf(2), tx.value());
    assertEquals(100_000, tx.gasLimit());
    assertEquals(SENDER, tx.sender());
    assertNull(tx.chainId());
  }

  @Test
  void accessListOfTheDataIndexMakesAnAccessListTransaction() {
    List<List<AccessListEntry>> lists = new ArrayList<>();
    lists.add(List.of(new AccessListEntry(TO, List.of(UInt256.ONE))));
    lists.add(null);
    TransactionTemplate t = template(TEN, null, lists, null, null, List.of(BigInteger.ZERO));
    Transaction withList = t.build(0, 0, 0, 1);
    assertEquals(TransactionType.ACCESS_LIST, withList.type());
    assertEquals(UInt256.ONE, withList.chainId());
    assertEquals(UInt256.valueOf(7), t.build(0, 0, 0, 7).chainId());
    assertEquals(1, withList.accessList().size());
    assertEquals(TransactionType.LEGACY, t.build(1, 0, 0, 1).type());
  }

  @Test
  void feeCapsBlobHashesAndAuthorizationsSelectTypes2To4() {
    List<BigInteger> values = List.of(BigInteger.ZERO);
    assertEquals(TransactionType.EIP1559, template(null, TEN, null, null, null, values).build(0, 0, 0, 1).type());
    Transaction blob = template(null, TEN, null, List.of(new byte[32]), null, values).build(0, 0, 0, 1);
    assertEquals(TransactionType.BLOB, blob.type());
    assertEquals(UInt256.valueOf(10), blob.maxFeePerBlobGas());
    Transaction setCode = template(null, TEN, null, null,
        List.of(new AuthorizationTemplate(BigInteger.ONE, TO, BigInteger.ZERO, BigInteger.ONE, TEN, TEN)), values)
        .build(0, 0, 0, 1);
    assertEquals(TransactionType.SET_CODE, setCode.type());
    assertEquals(TO, setCode.authorizationList().get(0).address());
  }

  @Test
  void valuesTooLargeForTheirFieldAreRejected() {
    TransactionTemplate t = template(TEN, null, null, null, null, List.of(BigInteger.ONE.shiftLeft(256)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.build(0, 0, 0, 1));
    assertTrue(e.getMessage().contains("value exceeds 256 bits"), e.getMessage());
    TransactionTemplate bigGas = new TransactionTemplate(
        BigInteger.ZERO, TEN, null, null, null, TO, List.of(new byte[0]), List.of(BigInteger.ONE.shiftLeft(64)),
        List.of(BigInteger.ZERO), null, null, null, SENDER);
    assertThrows(IllegalArgumentException.class, () -> bigGas.build(0, 0, 0, 1));
  }

  @Test
  void missingFeeFieldIsRejected() {
    TransactionTemplate t = template(null, null, null, null, null, List.of(BigInteger.ZERO));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.build(0, 0, 0, 1));
    assertTrue(e.getMessage().contains("gasPrice"), e.getMessage());
  }
}
