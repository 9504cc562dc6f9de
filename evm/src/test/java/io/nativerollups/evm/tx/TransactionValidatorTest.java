package io.nativerollups.evm.tx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionValidatorTest {
  private static final long CHAIN_ID = 1;

  @ParameterizedTest
  @EnumSource(TransactionType.class)
  void sampleTransactionsOfEveryTypeAreValidFromPrague(TransactionType type) {
    assertValid(Fork.PRAGUE, sample(type));
    assertValid(Fork.OSAKA, sample(type));
  }

  @Test
  void setCodeTransactionsDoNotExistInCancun() {
    for (TransactionType type : TransactionType.values()) {
      if (type != TransactionType.SET_CODE) {
        assertValid(Fork.CANCUN, sample(type));
      }
    }
    assertInvalid(Fork.CANCUN, sample(TransactionType.SET_CODE), "transaction type 4 is not supported");
  }

  @Test
  void chainIdMustMatchUnlessALegacyTransactionOmitsIt() {
    Transaction otherChain = sample(TransactionType.EIP1559).toBuilder().chainId(UInt256.valueOf(5)).build();
    assertInvalid(Fork.CANCUN, otherChain, "chain id 0x5 does not match");
    Transaction preEip155 = sample(TransactionType.LEGACY).toBuilder().chainId(null).build();
    assertValid(Fork.CANCUN, preEip155);
  }

  @Test
  void nonceMustBeIncrementable() {
    assertInvalid(Fork.CANCUN, sample(TransactionType.LEGACY).toBuilder().nonce(-1L).build(), "EIP-2681");
    assertValid(Fork.CANCUN, sample(TransactionType.LEGACY).toBuilder().nonce(-2L).build());
  }

  @Test
  void priorityFeeMayNotExceedTheFeeCap() {
    Transaction tx =
        sample(TransactionType.EIP1559).toBuilder()
            .maxPriorityFeePerGas(UInt256.valueOf(11))
            .maxFeePerGas(UInt256.valueOf(10))
            .build();
    assertInvalid(Fork.CANCUN, tx, "max priority fee 0xb exceeds max fee 0xa");
  }

  @Test
  void gasLimitTimesFeeCapMustFitIn256Bits() {
    Transaction tx =
        sample(TransactionType.LEGACY).toBuilder()
            .gasPrice(UInt256.MAX.subtract(UInt256.valueOf(99)))
            .gasLimit(100_000)
            .build();
    assertInvalid(Fork.CANCUN, tx, "exceeds 2^256-1");
  }

  @Test
  void initCodeIsLimitedTo49152Bytes() {
    Transaction atLimit = creation(49152);
    assertValid(Fork.CANCUN, atLimit);
    assertInvalid(Fork.CANCUN, creation(49153), "init code of 49153 bytes exceeds 49152");
    // A call may carry more data than that.
    assertValid(Fork.CANCUN, creation(49153).toBuilder().to(TestTransactions.TO).build());
  }

  @Test
  void onlyTypes0To2MayCreateContracts() {
    assertInvalid(Fork.CANCUN, sample(TransactionType.BLOB).toBuilder().to(null).build(), "cannot create");
    assertInvalid(Fork.PRAGUE, sample(TransactionType.SET_CODE).toBuilder().to(null).build(), "cannot create");
  }

  @ParameterizedTest
  @EnumSource(Fork.class)
  void gasLimitMustCoverIntrinsicGas(Fork fork) {
    Transaction tx = sample(TransactionType.EIP1559);
    long intrinsic = GasCalculator.forFork(fork).transactionIntrinsicGas(tx);
    assertValid(fork, tx.toBuilder().gasLimit(intrinsic).build());
    assertInvalid(fork, tx.toBuilder().gasLimit(intrinsic - 1).build(), "below the intrinsic gas");
  }

  /** EIP-7623: from Prague the gas limit must also cover the calldata floor. */
  @Test
  void calldataFloorAppliesFromPrague() {
    byte[] data = new byte[1000];
    Arrays.fill(data, (byte) 1);
    Transaction tx = sample(TransactionType.EIP1559).toBuilder().data(data).build();
    long intrinsic = GasCalculator.forFork(Fork.PRAGUE).transactionIntrinsicGas(tx);
    long floor = GasCalculator.forFork(Fork.PRAGUE).transactionFloorGas(tx);
    assertTrue(floor > intrinsic, "sample must be floor-bound");
    Transaction atIntrinsic = tx.toBuilder().gasLimit(intrinsic).build();
    assertValid(Fork.CANCUN, atIntrinsic);
    assertInvalid(Fork.PRAGUE, atIntrinsic, "floor");
    assertValid(Fork.PRAGUE, tx.toBuilder().gasLimit(floor).build());
  }

  /** EIP-7825: from Osaka a transaction's gas limit is capped at 2^24. */
  @Test
  void osakaCapsTheGasLimitAt2To24() {
    Transaction tx = sample(TransactionType.EIP1559);
    assertValid(Fork.OSAKA, tx.toBuilder().gasLimit(1L << 24).build());
    assertInvalid(Fork.OSAKA, tx.toBuilder().gasLimit((1L << 24) + 1).build(), "EIP-7825");
    assertValid(Fork.PRAGUE, tx.toBuilder().gasLimit((1L << 24) + 1).build());
    assertValid(Fork.CANCUN, tx.toBuilder().gasLimit(-1L).maxFeePerGas(UInt256.ONE).maxPriorityFeePerGas(UInt256.ONE).build());
  }

  @Test
  void blobCountIsBoundedPerFork() {
    assertInvalid(Fork.CANCUN, blobs(0), "at least one blob");
    assertValid(Fork.CANCUN, blobs(6));
    assertInvalid(Fork.CANCUN, blobs(7), "7 blobs, more than 6");
    assertValid(Fork.PRAGUE, blobs(9));
    assertInvalid(Fork.PRAGUE, blobs(10), "10 blobs, more than 9");
    assertValid(Fork.OSAKA, blobs(6));
    assertInvalid(Fork.OSAKA, blobs(7), "7 blobs, more than 6");
  }

  @Test
  void blobHashesMustCarryTheKzgVersion() {
    byte[] wrongVersion = TestTransactions.BLOB_HASH_1.clone();
    wrongVersion[0] = 0x02;
    Transaction tx = sample(TransactionType.BLOB).toBuilder().blobVersionedHashes(List.of(wrongVersion)).build();
    assertInvalid(Fork.CANCUN, tx, "version 0x01");
  }

  @Test
  void setCodeTransactionsNeedAnAuthorization() {
    Transaction tx = sample(TransactionType.SET_CODE).toBuilder().authorizationList(List.of()).build();
    assertInvalid(Fork.PRAGUE, tx, "at least one authorization");
  }

  private static Transaction sample(TransactionType type) {
    return TestTransactions.unsigned(type);
  }

  private static Transaction creation(int initCodeSize) {
    return sample(TransactionType.EIP1559).toBuilder()
        .to(null)
        .data(new byte[initCodeSize])
        .gasLimit(1_000_000)
        .build();
  }

  private static Transaction blobs(int count) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hashes.add(TestTransactions.BLOB_HASH_1);
    }
    return sample(TransactionType.BLOB).toBuilder().blobVersionedHashes(hashes).build();
  }

  private static void assertValid(Fork fork, Transaction tx) {
    assertDoesNotThrow(() -> TransactionValidator.forFork(fork).validate(tx, CHAIN_ID));
  }

  private static void assertInvalid(Fork fork, Transaction tx, String fragment) {
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionValidator.forFork(fork).validate(tx, CHAIN_ID));
    assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
  }
}
