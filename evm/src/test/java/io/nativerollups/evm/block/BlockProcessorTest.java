package io.nativerollups.evm.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Sha256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BlockProcessorTest {
  private static final Address ALICE = Address.fromHex("0xa11ce00000000000000000000000000000000000");
  private static final UInt256 GWEI = UInt256.valueOf(1_000_000_000L);
  /** Code that jumps back to its start forever. */
  private static final Address LOOP = Address.fromHex("0x000000000000000000000000000000000000100f");
  /** Stores BLOCKHASH(NUMBER - 1) in slot 0. */
  private static final byte[] STORE_PARENT_HASH = HexFormat.of().parseHex("436001900340" + "5f5500");

  private static final Consumer<WorldState> PRAGUE_SYSTEM_CONTRACTS = world -> {
    world.setCode(SystemContracts.BEACON_ROOTS, SystemContractCode.BEACON_ROOTS);
    world.setCode(SystemContracts.HISTORY_STORAGE, SystemContractCode.HISTORY_STORAGE);
    world.setCode(SystemContracts.WITHDRAWAL_REQUESTS, SystemContractCode.WITHDRAWAL_REQUESTS);
    world.setCode(SystemContracts.CONSOLIDATION_REQUESTS, SystemContractCode.CONSOLIDATION_REQUESTS);
  };

  @Test
  void transferAndWithdrawalAreApplied() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> {});
    Block block = chain.build(List.of(TestChain.transfer(0, ALICE, 1000)), List.of(new Withdrawal(0, 7, ALICE, 5)));
    BlockResult result = chain.importBlock(block);
    InMemoryWorldState state = chain.headState();
    assertEquals(UInt256.valueOf(1000).add(UInt256.valueOf(5).multiply(GWEI)), state.getBalance(ALICE));
    assertEquals(1, state.getNonce(TestChain.SENDER));
    assertEquals(UInt256.valueOf(2 * 21_000), state.getBalance(TestChain.COINBASE), "coinbase earns the tip");
    assertEquals(21_000, result.gasUsed());
    assertEquals(1, result.receipts().size());
    assertTrue(result.receipts().get(0).success());
    assertEquals(21_000, result.receipts().get(0).cumulativeGasUsed());
    assertNull(result.requests(), "no requests before Prague");
  }

  @Test
  void zeroWithdrawalToAnAbsentAccountLeavesNoAccount() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> {});
    chain.importBlock(chain.build(List.of(), List.of(new Withdrawal(0, 0, ALICE, 0))));
    assertFalse(chain.headState().exists(ALICE));
  }

  @Test
  void receiptsAreTypedAndCumulative() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> {});
    Transaction legacy = TestChain.sign(Transaction.builder(TransactionType.LEGACY).chainId(UInt256.ONE).nonce(1)
        .gasPrice(UInt256.valueOf(10_000_000_000L)).gasLimit(21_000).to(ALICE).value(UInt256.ONE).data(new byte[0]));
    BlockResult result = chain.importBlock(chain.build(List.of(TestChain.transfer(0, ALICE, 1), legacy), List.of()));
    Receipt typed = result.receipts().get(0);
    Receipt plain = result.receipts().get(1);
    assertEquals(0x02, typed.encode()[0], "EIP-1559 receipt starts with its type");
    assertTrue((plain.encode()[0] & 0xFF) >= 0xC0, "legacy receipt is a bare RLP list");
    assertEquals(42_000, plain.cumulativeGasUsed());
  }

  @Test
  void blockhashSeesTheParent() throws Exception {
    Address probe = Address.fromHex("0x0000000000000000000000000000000000000b0b");
    TestChain chain = new TestChain(Fork.CANCUN, w -> w.setCode(probe, STORE_PARENT_HASH));
    chain.importBlock(chain.build(List.of(), List.of()));
    byte[] parentOfBlock2 = chain.head.hash();
    chain.importBlock(chain.build(List.of(TestChain.call(0, probe, new byte[0], 100_000)), List.of()));
    assertArrayEquals(parentOfBlock2, chain.headState().getStorage(probe, UInt256.ZERO).toBytes());
  }

  @Test
  void beaconRootsContractRecordsTheParentBeaconBlockRoot() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> w.setCode(SystemContracts.BEACON_ROOTS, SystemContractCode.BEACON_ROOTS));
    Block block = chain.build(List.of(), List.of());
    chain.importBlock(block);
    long timestampSlot = block.header().timestamp() % 8191;
    InMemoryWorldState state = chain.headState();
    assertEquals(UInt256.valueOf(block.header().timestamp()),
        state.getStorage(SystemContracts.BEACON_ROOTS, UInt256.valueOf(timestampSlot)));
    assertArrayEquals(block.header().parentBeaconBlockRoot(),
        state.getStorage(SystemContracts.BEACON_ROOTS, UInt256.valueOf(timestampSlot + 8191)).toBytes());
  }

  @Test
  void pragueHistoryContractRecordsTheParentHashAndEmptyRequestsHashToSha256OfNothing() throws Exception {
    TestChain chain = new TestChain(Fork.PRAGUE, PRAGUE_SYSTEM_CONTRACTS);
    byte[] genesisHash = chain.head.hash();
    BlockResult result = chain.importBlock(chain.build(List.of(), List.of()));
    assertArrayEquals(genesisHash, chain.headState().getStorage(SystemContracts.HISTORY_STORAGE, UInt256.ZERO).toBytes());
    assertEquals(0, result.requests().size());
    assertArrayEquals(Sha256.hash(new byte[0]), result.requestsHash());
  }

  @Test
  void pragueBlockWithoutRequestContractsIsInvalid() throws Exception {
    TestChain chain = new TestChain(Fork.PRAGUE, w -> {});
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> chain.build(List.of(), List.of()));
    assertEquals(BlockError.SYSTEM_CONTRACT_EMPTY, e.error());
  }

  @Test
  void depositEventBecomesADepositRequest() throws Exception {
    TestChain chain = new TestChain(Fork.PRAGUE, PRAGUE_SYSTEM_CONTRACTS.andThen(
        w -> w.setCode(ChainConfig.MAINNET_DEPOSIT_CONTRACT, logCallData(DepositRequests.DEPOSIT_EVENT_SIGNATURE_HASH))));
    byte[][] fields = {fill(48, 1), fill(32, 2), fill(8, 3), fill(96, 4), fill(8, 5)};
    Transaction deposit = TestChain.call(0, ChainConfig.MAINNET_DEPOSIT_CONTRACT, depositEventData(fields, 576), 200_000);
    BlockResult result = chain.importBlock(chain.build(List.of(deposit), List.of()));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0x00);
    for (byte[] f : fields) {
      expected.writeBytes(f);
    }
    assertEquals(1, result.requests().size());
    assertArrayEquals(expected.toByteArray(), result.requests().get(0));
    assertArrayEquals(Sha256.hash(Sha256.hash(expected.toByteArray())), result.requestsHash());
  }

  @Test
  void depositEventWithAnotherLayoutMakesTheBlockInvalid() {
    TestChain chain = new TestChain(Fork.PRAGUE, PRAGUE_SYSTEM_CONTRACTS.andThen(
        w -> w.setCode(ChainConfig.MAINNET_DEPOSIT_CONTRACT, logCallData(DepositRequests.DEPOSIT_EVENT_SIGNATURE_HASH))));
    byte[][] fields = {fill(48, 1), fill(32, 2), fill(8, 3), fill(96, 4), fill(8, 5)};
    byte[] shortData = Arrays.copyOf(depositEventData(fields, 576), 575);
    Transaction deposit = TestChain.call(0, ChainConfig.MAINNET_DEPOSIT_CONTRACT, shortData, 200_000);
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> chain.build(List.of(deposit), List.of()));
    assertEquals(BlockError.INVALID_DEPOSIT_EVENT_LAYOUT, e.error());
  }

  @Test
  void headerResultsThatDifferFromExecutionAreNamed() throws Exception {
    assertRejected(Fork.CANCUN, BlockError.INVALID_GAS_USED, b -> b.gasUsed(21_001));
    assertRejected(Fork.CANCUN, BlockError.INVALID_STATE_ROOT, b -> b.stateRoot(new byte[32]));
    assertRejected(Fork.CANCUN, BlockError.INVALID_RECEIPTS_ROOT, b -> b.receiptsRoot(new byte[32]));
    assertRejected(Fork.CANCUN, BlockError.INVALID_LOG_BLOOM, b -> b.logsBloom(fill(LogsBloom.SIZE, 1)));
    assertRejected(Fork.CANCUN, BlockError.INCORRECT_BLOB_GAS_USED, b -> b.blobGasUsed(BlobSchedule.GAS_PER_BLOB));
    assertRejected(Fork.CANCUN, BlockError.INCORRECT_BLOB_GAS_USED, b -> b.blobGasUsed(1L));
    assertRejected(Fork.CANCUN, BlockError.INCORRECT_BLOB_GAS_USED, b -> b.blobGasUsed(7 * BlobSchedule.GAS_PER_BLOB));
    assertRejected(Fork.PRAGUE, BlockError.INVALID_REQUESTS, b -> b.requestsHash(new byte[32]));
    assertRejected(Fork.CANCUN, BlockError.INVALID_TRANSACTIONS_ROOT, b -> b.transactionsRoot(new byte[32]));
    assertRejected(Fork.CANCUN, BlockError.INVALID_WITHDRAWALS_ROOT, b -> b.withdrawalsRoot(new byte[32]));
    assertRejected(Fork.CANCUN, BlockError.UNKNOWN_PARENT_ZERO, b -> b.parentHash(new byte[32]));
    assertRejected(Fork.CANCUN, BlockError.UNKNOWN_PARENT, b -> b.parentHash(fill(32, 7)));
  }

  @Test
  void invalidTransactionsAreNamed() throws Exception {
    assertTxRejected(BlockError.NONCE_MISMATCH_TOO_HIGH, List.of(TestChain.transfer(1, ALICE, 1)));
    assertTxRejected(BlockError.NONCE_MISMATCH_TOO_LOW, List.of(TestChain.transfer(0, ALICE, 1), TestChain.transfer(0, ALICE, 1)));
    // the first transaction loops until its 20M gas are gone, leaving 10M of the block's 30M
    assertTxRejected(BlockError.GAS_ALLOWANCE_EXCEEDED,
        List.of(TestChain.call(0, LOOP, new byte[0], 20_000_000), TestChain.call(1, ALICE, new byte[0], 20_000_000)));
    assertTxRejected(BlockError.INTRINSIC_GAS_TOO_LOW, List.of(TestChain.call(0, ALICE, new byte[0], 20_000)));
    assertTxRejected(BlockError.INSUFFICIENT_ACCOUNT_FUNDS, List.of(TestChain.transfer(0, ALICE, UInt256.fromBigInteger(java.math.BigInteger.TEN.pow(22)))));
    Transaction type4 = TestChain.sign(Transaction.builder(TransactionType.SET_CODE).chainId(UInt256.ONE).nonce(0)
        .gasLimit(100_000).to(ALICE).value(UInt256.ZERO).data(new byte[0]).accessList(List.of())
        .maxPriorityFeePerGas(UInt256.ONE).maxFeePerGas(UInt256.valueOf(10_000_000_000L))
        .authorizationList(List.of(new io.nativerollups.evm.tx.Authorization(UInt256.ONE, ALICE, 0, UInt256.ZERO,
            UInt256.ONE, UInt256.ONE))));
    assertTxRejected(BlockError.TYPE_4_TX_PRE_FORK, List.of(type4));
  }

  @Test
  void blobGasIsCountedAgainstTheForksBlockLimit() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> {});
    BlockResult six = chain.importBlock(chain.build(List.of(blobTx(0, 4), blobTx(1, 2)), List.of()));
    assertEquals(6 * BlobSchedule.GAS_PER_BLOB, six.blobGasUsed());
    InvalidBlockException overBlock = assertThrows(InvalidBlockException.class,
        () -> chain.build(List.of(blobTx(2, 4), blobTx(3, 3)), List.of()));
    assertEquals(BlockError.TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED, overBlock.error(), overBlock.getMessage());
    InvalidBlockException overTx = assertThrows(InvalidBlockException.class,
        () -> chain.build(List.of(blobTx(2, 7)), List.of()));
    assertEquals(BlockError.TYPE_3_TX_BLOB_COUNT_EXCEEDED, overTx.error(), overTx.getMessage());
    TestChain prague = new TestChain(Fork.PRAGUE, PRAGUE_SYSTEM_CONTRACTS);
    assertEquals(9 * BlobSchedule.GAS_PER_BLOB,
        prague.importBlock(prague.build(List.of(blobTx(0, 6), blobTx(1, 3)), List.of())).blobGasUsed(), "Prague max 9");
  }

  private static Transaction blobTx(long nonce, int blobs) {
    List<byte[]> hashes = new java.util.ArrayList<>();
    for (int i = 0; i < blobs; i++) {
      byte[] h = fill(32, (int) nonce * 16 + i);
      h[0] = 0x01;
      hashes.add(h);
    }
    return TestChain.sign(Transaction.builder(TransactionType.BLOB).chainId(UInt256.ONE).nonce(nonce)
        .gasLimit(21_000).to(ALICE).value(UInt256.ZERO).data(new byte[0]).accessList(List.of())
        .maxPriorityFeePerGas(UInt256.ONE).maxFeePerGas(UInt256.valueOf(10_000_000_000L))
        .maxFeePerBlobGas(UInt256.valueOf(1_000)).blobVersionedHashes(hashes));
  }

  @Test
  void blockWithOmmersIsInvalid() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> {});
    Block valid = chain.build(List.of(), List.of());
    Block withOmmer = new Block(valid.header(), List.of(), List.of(), List.of(chain.head), List.of(), valid.encodedSize());
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> chain.tryImport(withOmmer));
    assertEquals(BlockError.IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS, e.error());
    Block withoutWithdrawals = new Block(valid.header(), List.of(), List.of(), List.of(), null, valid.encodedSize());
    InvalidBlockException missing = assertThrows(InvalidBlockException.class, () -> chain.tryImport(withoutWithdrawals));
    assertEquals(BlockError.RLP_WITHDRAWALS_NOT_READ, missing.error());
  }

  @Test
  void osakaRejectsABlockOverTheRlpSizeCapBeforeExecutingIt() throws Exception {
    TestChain osaka = new TestChain(Fork.OSAKA, PRAGUE_SYSTEM_CONTRACTS);
    Block small = osaka.build(List.of(), List.of());
    Block huge = new Block(small.header(), List.of(), List.of(), List.of(), List.of(), BlockValidator.MAX_RLP_BLOCK_SIZE + 1);
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> osaka.tryImport(huge));
    assertEquals(BlockError.RLP_BLOCK_LIMIT_EXCEEDED, e.error());
    TestChain prague = new TestChain(Fork.PRAGUE, PRAGUE_SYSTEM_CONTRACTS);
    Block pragueBlock = prague.build(List.of(), List.of());
    Block bigPrague = new Block(pragueBlock.header(), List.of(), List.of(), List.of(), List.of(),
        BlockValidator.MAX_RLP_BLOCK_SIZE + 1);
    prague.tryImport(bigPrague); // no cap before Osaka
  }

  @Test
  void malformedBlockEncodingsAreRejected() throws Exception {
    TestChain chain = new TestChain(Fork.CANCUN, w -> {});
    byte[] valid = chain.build(List.of(TestChain.transfer(0, ALICE, 1)), List.of()).encode();
    assertDecodeError(BlockError.RLP_STRUCTURES_ENCODING, new byte[] {(byte) 0xC3, 1, 2});
    assertDecodeError(BlockError.RLP_STRUCTURES_ENCODING, Arrays.copyOf(valid, valid.length - 1));
    assertDecodeError(BlockError.RLP_STRUCTURES_ENCODING, Rlp.encodeBytes(valid));
    assertDecodeError(BlockError.RLP_STRUCTURES_ENCODING,
        Rlp.encodeList(chain.head.encode(), Rlp.EMPTY_LIST));
    assertDecodeError(BlockError.RLP_STRUCTURES_ENCODING, Rlp.encodeList(chain.head.encode(),
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {(byte) 0xC0})), Rlp.EMPTY_LIST, Rlp.EMPTY_LIST));
    List<byte[]> headerFields = new java.util.ArrayList<>();
    for (var item : Rlp.decode(chain.head.encode()).items()) {
      headerFields.add(item.encoded());
    }
    headerFields.add(Rlp.encodeBytes(new byte[32]));
    headerFields.add(Rlp.encodeBytes(new byte[32]));
    assertDecodeError(BlockError.INCORRECT_BLOCK_FORMAT,
        Rlp.encodeList(Rlp.encodeList(headerFields), Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.EMPTY_LIST));
    byte[] badSignature = Rlp.encodeList(chain.head.encode(), Rlp.encodeList(Rlp.encodeList(
        Rlp.encodeLong(0), Rlp.encodeLong(1), Rlp.encodeLong(21_000), Rlp.encodeBytes(ALICE.toArray()),
        Rlp.encodeLong(0), Rlp.EMPTY_STRING, Rlp.encodeLong(27), Rlp.encodeLong(0), Rlp.encodeLong(0))),
        Rlp.EMPTY_LIST, Rlp.EMPTY_LIST);
    assertDecodeError(BlockError.INVALID_SIGNATURE_VRS, badSignature);
    List<byte[]> wideNumber = new java.util.ArrayList<>(headerFields.subList(0, 20));
    wideNumber.set(8, Rlp.encodeBytes(fill(9, 1)));
    assertDecodeError(BlockError.RLP_INVALID_FIELD_OVERFLOW_64,
        Rlp.encodeList(Rlp.encodeList(wideNumber), Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.EMPTY_LIST));
    List<byte[]> shortCoinbase = new java.util.ArrayList<>(headerFields.subList(0, 20));
    shortCoinbase.set(2, Rlp.encodeBytes(fill(19, 1)));
    assertDecodeError(BlockError.RLP_INVALID_ADDRESS,
        Rlp.encodeList(Rlp.encodeList(shortCoinbase), Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.EMPTY_LIST));
    byte[] wideWithdrawalAmount = Rlp.encodeList(Rlp.encodeLong(0), Rlp.encodeLong(0), Rlp.encodeBytes(ALICE.toArray()),
        Rlp.encodeBytes(fill(9, 1)));
    assertDecodeError(BlockError.RLP_INVALID_FIELD_OVERFLOW_64, Rlp.encodeList(chain.head.encode(), Rlp.EMPTY_LIST,
        Rlp.EMPTY_LIST, Rlp.encodeList(wideWithdrawalAmount)));
    assertDecodeError(BlockError.RLP_STRUCTURES_ENCODING, Rlp.encodeList(chain.head.encode(), Rlp.EMPTY_LIST,
        Rlp.EMPTY_LIST, Rlp.EMPTY_STRING));
  }

  @Test
  void forkTransitionSwitchesRulesAtTheActivationTimestamp() throws Exception {
    ChainConfig config = new ChainConfig(1, ChainConfig.MAINNET_DEPOSIT_CONTRACT, List.of(
        new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN),
        new ForkActivation("Prague", Fork.PRAGUE, 24, BlobSchedule.PRAGUE)));
    TestChain chain = new TestChain(config, PRAGUE_SYSTEM_CONTRACTS);
    assertNull(chain.importBlock(chain.build(List.of(), List.of())).requests(), "timestamp 12: Cancun");
    BlockResult prague = chain.importBlock(chain.build(List.of(), List.of()));
    assertEquals(0, prague.requests().size(), "timestamp 24: Prague");
    assertEquals(21, chain.head.fieldCount());
  }

  private static void assertRejected(Fork fork, BlockError expected, UnaryOperator<BlockHeader.Builder> tamper)
      throws InvalidBlockException {
    TestChain chain = new TestChain(fork, PRAGUE_SYSTEM_CONTRACTS);
    Block block = chain.build(List.of(TestChain.transfer(0, ALICE, 1)), List.of(), tamper);
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> chain.tryImport(block), expected.name());
    assertEquals(expected, e.error(), e.getMessage());
  }

  private static void assertTxRejected(BlockError expected, List<Transaction> txs) {
    TestChain chain = new TestChain(Fork.CANCUN, w -> w.setCode(LOOP, HexFormat.of().parseHex("5b5f56")));
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> chain.build(txs, List.of()), expected.name());
    assertEquals(expected, e.error(), e.getMessage());
    assertTrue(e.getMessage().startsWith("TransactionException." + expected.name()), e.getMessage());
  }

  private static void assertDecodeError(BlockError expected, byte[] encoded) {
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> Block.decode(encoded));
    assertEquals(expected, e.error(), e.getMessage());
  }

  /** Code that logs its call data with one topic: CALLDATACOPY(0, 0, size); LOG1(0, size, topic). */
  private static byte[] logCallData(byte[] topic) {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.writeBytes(HexFormat.of().parseHex("365f5f37"));
    code.write(0x7f);
    code.writeBytes(topic);
    code.writeBytes(HexFormat.of().parseHex("365fa100"));
    return code.toByteArray();
  }

  /** The ABI encoding of DepositEvent(bytes pubkey, bytes credentials, bytes amount, bytes signature, bytes index). */
  private static byte[] depositEventData(byte[][] fields, int length) {
    byte[] data = new byte[length];
    int[] offsets = {160, 256, 320, 384, 512};
    for (int i = 0; i < fields.length; i++) {
      data[32 * i + 31] = (byte) (offsets[i] & 0xFF);
      data[32 * i + 30] = (byte) (offsets[i] >> 8);
      data[offsets[i] + 31] = (byte) fields[i].length;
      System.arraycopy(fields[i], 0, data, offsets[i] + 32, fields[i].length);
    }
    return data;
  }

  private static byte[] fill(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
