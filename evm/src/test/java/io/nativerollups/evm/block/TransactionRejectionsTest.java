package io.nativerollups.evm.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.processing.TransactionProcessor;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionDecoder;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.tx.TransactionValidator;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rejections of the real decoder, validator and processor map to the fixture names: this pins
 * the phrases {@link TransactionRejections} matches to the messages those components give.
 */
class TransactionRejectionsTest {
  private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");

  private static Transaction.Builder eip1559() {
    return Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).nonce(0).gasLimit(100_000).to(TO)
        .value(UInt256.ZERO).data(new byte[0]).accessList(List.of())
        .maxPriorityFeePerGas(UInt256.ONE).maxFeePerGas(UInt256.valueOf(1_000_000_000L));
  }

  private static Transaction.Builder blob(int count, byte version) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] h = new byte[32];
      h[0] = version;
      h[31] = (byte) i;
      hashes.add(h);
    }
    return Transaction.builder(TransactionType.BLOB).chainId(UInt256.ONE).nonce(0).gasLimit(100_000).to(TO)
        .value(UInt256.ZERO).data(new byte[0]).accessList(List.of()).maxPriorityFeePerGas(UInt256.ONE)
        .maxFeePerGas(UInt256.valueOf(1_000_000_000L)).maxFeePerBlobGas(UInt256.valueOf(10)).blobVersionedHashes(hashes);
  }

  private static Transaction.Builder setCode(List<Authorization> authorizations) {
    return Transaction.builder(TransactionType.SET_CODE).chainId(UInt256.ONE).nonce(0).gasLimit(100_000).to(TO)
        .value(UInt256.ZERO).data(new byte[0]).accessList(List.of()).maxPriorityFeePerGas(UInt256.ONE)
        .maxFeePerGas(UInt256.valueOf(1_000_000_000L)).authorizationList(authorizations);
  }

  @Test
  void staticValidationFailuresAreNamed() {
    assertStatic(Fork.CANCUN, BlockError.TYPE_4_TX_PRE_FORK, setCode(List.of(new Authorization(UInt256.ONE, TO, 0,
        UInt256.ZERO, UInt256.ONE, UInt256.ONE))).build());
    assertStatic(Fork.CANCUN, BlockError.INVALID_CHAINID, eip1559().chainId(UInt256.valueOf(5)).build());
    assertStatic(Fork.CANCUN, BlockError.NONCE_IS_MAX, eip1559().nonce(-1L).build());
    assertStatic(Fork.CANCUN, BlockError.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS,
        eip1559().maxPriorityFeePerGas(UInt256.valueOf(2_000_000_000L)).build());
    assertStatic(Fork.CANCUN, BlockError.INITCODE_SIZE_EXCEEDED, eip1559().to(null).data(new byte[49_153])
        .gasLimit(10_000_000).build());
    assertStatic(Fork.CANCUN, BlockError.INTRINSIC_GAS_TOO_LOW, eip1559().gasLimit(20_999).build());
    assertStatic(Fork.CANCUN, BlockError.TYPE_3_TX_ZERO_BLOBS, blob(0, (byte) 1).build());
    assertStatic(Fork.CANCUN, BlockError.TYPE_3_TX_BLOB_COUNT_EXCEEDED, blob(7, (byte) 1).build());
    assertStatic(Fork.OSAKA, BlockError.TYPE_3_TX_BLOB_COUNT_EXCEEDED, blob(7, (byte) 1).build());
    assertStatic(Fork.CANCUN, BlockError.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH, blob(1, (byte) 2).build());
    assertStatic(Fork.PRAGUE, BlockError.TYPE_4_EMPTY_AUTHORIZATION_LIST, setCode(List.of()).build());
    assertStatic(Fork.OSAKA, BlockError.GAS_LIMIT_EXCEEDS_MAXIMUM, eip1559().gasLimit((1 << 24) + 1).build());
  }

  @Test
  void gasLimitBetweenIntrinsicAndFloorIsBelowTheFloor() {
    byte[] data = new byte[1000];
    java.util.Arrays.fill(data, (byte) 1);
    GasCalculator prague = GasCalculator.forFork(Fork.PRAGUE);
    Transaction probe = eip1559().data(data).build();
    long intrinsic = prague.transactionIntrinsicGas(probe);
    long floor = prague.transactionFloorGas(probe);
    assertTrue(floor > intrinsic, "calldata-heavy: the floor is above the intrinsic gas");
    assertStatic(Fork.PRAGUE, BlockError.INTRINSIC_GAS_BELOW_FLOOR_GAS_COST, eip1559().data(data).gasLimit(intrinsic).build());
    assertStatic(Fork.PRAGUE, BlockError.INTRINSIC_GAS_TOO_LOW, eip1559().data(data).gasLimit(intrinsic - 1).build());
  }

  @Test
  void failuresAgainstStateAreNamed() {
    Address sender = TestChain.SENDER;
    assertProcessed(BlockError.NONCE_MISMATCH_TOO_HIGH, w -> w, eip1559().nonce(1));
    assertProcessed(BlockError.NONCE_MISMATCH_TOO_LOW, w -> { w.setNonce(sender, 2); return w; }, eip1559().nonce(1));
    assertProcessed(BlockError.INSUFFICIENT_ACCOUNT_FUNDS, w -> { w.setBalance(sender, UInt256.ONE); return w; }, eip1559());
    assertProcessed(BlockError.SENDER_NOT_EOA, w -> { w.setCode(sender, new byte[] {0}); return w; }, eip1559());
    assertProcessed(BlockError.INSUFFICIENT_MAX_FEE_PER_GAS, w -> w,
        eip1559().maxFeePerGas(UInt256.valueOf(6)).maxPriorityFeePerGas(UInt256.ZERO));
    assertProcessed(BlockError.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS, w -> w, blob(1, (byte) 1).maxFeePerBlobGas(UInt256.ZERO));
  }

  @Test
  void decodingFailuresAreNamed() {
    byte[] creatingBlobTx = typed(3, Rlp.encodeList(Rlp.encodeLong(1), Rlp.encodeLong(0), Rlp.encodeLong(1),
        Rlp.encodeLong(10), Rlp.encodeLong(21_000), Rlp.EMPTY_STRING, Rlp.encodeLong(0), Rlp.EMPTY_STRING,
        Rlp.EMPTY_LIST, Rlp.encodeLong(1), Rlp.encodeList(Rlp.encodeBytes(new byte[32])), Rlp.encodeLong(0),
        Rlp.encodeLong(1), Rlp.encodeLong(1)));
    assertDecoding(BlockError.TYPE_3_TX_CONTRACT_CREATION, creatingBlobTx);
    byte[] creatingSetCodeTx = typed(4, Rlp.encodeList(Rlp.encodeLong(1), Rlp.encodeLong(0), Rlp.encodeLong(1),
        Rlp.encodeLong(10), Rlp.encodeLong(21_000), Rlp.EMPTY_STRING, Rlp.encodeLong(0), Rlp.EMPTY_STRING,
        Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.encodeLong(0), Rlp.encodeLong(1), Rlp.encodeLong(1)));
    assertDecoding(BlockError.TYPE_4_TX_CONTRACT_CREATION, creatingSetCodeTx);
    assertDecoding(BlockError.TYPE_NOT_SUPPORTED, typed(7, Rlp.EMPTY_LIST));
  }

  private static byte[] typed(int type, byte[] payload) {
    byte[] out = new byte[payload.length + 1];
    out[0] = (byte) type;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  private static void assertDecoding(BlockError expected, byte[] raw) {
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(raw));
    assertEquals(expected, TransactionRejections.classifyDecodingError(e.getMessage()), e.getMessage());
  }

  private static void assertStatic(Fork fork, BlockError expected, Transaction tx) {
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
        () -> TransactionValidator.forFork(fork).validate(tx, 1), expected.name());
    long intrinsic = GasCalculator.forFork(fork).transactionIntrinsicGas(tx);
    assertEquals(expected, TransactionRejections.classifyRejection(e.getMessage(), tx, 0, intrinsic), e.getMessage());
  }

  private static void assertProcessed(BlockError expected, UnaryOperator<InMemoryWorldState> setUp, Transaction.Builder tx) {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setBalance(TestChain.SENDER, UInt256.valueOf(1_000_000_000_000_000_000L));
    setUp.apply(world).commitTransaction();
    Transaction signed = TestChain.sign(tx);
    BlockContext block = new BlockContext(Address.ZERO, 1, 12, 30_000_000, UInt256.valueOf(7), new byte[32],
        UInt256.ONE, 1, n -> null);
    TransactionResult result = new TransactionProcessor(Fork.CANCUN).process(world, block, signed);
    assertFalse(result.valid(), expected.name());
    assertEquals(expected, TransactionRejections.classifyRejection(result.invalidReason(), signed,
        world.getNonce(TestChain.SENDER), GasCalculator.forFork(Fork.CANCUN).transactionIntrinsicGas(signed)),
        result.invalidReason());
  }
}
