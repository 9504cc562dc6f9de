package io.nativerollups.evm.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.trie.NodeStore;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatelessExecutorTest {
  private static final byte[][] KEYS = {key(1), key(2), key(3)};
  /** SSTORE(calldata[0..32], calldata[32..64]). */
  private static final Address STORE = Address.ofLong(0x1000);
  /** SSTORE(0, BLOCKHASH(NUMBER - 2)). */
  private static final Address BLOCKHASH = Address.ofLong(0x2000);
  /** SSTORE(1, EXTCODESIZE(STORE)). */
  private static final Address CODESIZE = Address.ofLong(0x3000);
  /** Holds code nothing runs or reads. */
  private static final Address IDLE = Address.ofLong(0x4000);
  private static final Address EMPTY_ACCOUNT = Address.ofLong(0x6001);

  private final BlockProcessor processor = new BlockProcessor(TestChain.CONFIG);
  private final WitnessRecorder recorder = new WitnessRecorder(processor);
  private final StatelessExecutor stateless = new StatelessExecutor(processor);
  private TestChain chain;
  private final long[] nonces = new long[KEYS.length];

  @BeforeEach
  void genesis() {
    InMemoryWorldState g = new InMemoryWorldState();
    for (byte[] k : KEYS) {
      g.setBalance(Secp256k1.addressOf(k), UInt256.valueOf(1_000_000_000_000_000_000L));
    }
    g.setCode(STORE, hex("602035600035550" + "0"));
    for (int i = 1; i <= 24; i++) {
      g.setStorage(STORE, UInt256.valueOf(i), UInt256.valueOf(1000 + i));
    }
    g.setCode(BLOCKHASH, hex("4360029003406000550" + "0"));
    g.setCode(CODESIZE, hex("73" + "0000000000000000000000000000000000001000" + "3b600155" + "00"));
    g.setCode(IDLE, hex("600160015500"));
    for (int i = 0; i < 24; i++) {
      g.setBalance(Address.ofLong(0x5000 + i), UInt256.ONE);
    }
    g.setNonce(EMPTY_ACCOUNT, 0); // exists, empty: a zero-value call deletes it (EIP-161)
    chain = new TestChain(g);
  }

  /** Block 1: slot deletions and inserts, an empty account deleted, a contract deployed, BLOCKHASH. */
  private Block blockOne() throws InvalidBlockException {
    return chain.append(List.of(
        call(0, STORE, word(1), word(0)),
        call(0, STORE, word(2), word(0)),
        call(0, STORE, word(100), word(5)),
        call(1, EMPTY_ACCOUNT, new byte[0]),
        create(2, hex("600a600c600039600a6000f3" + "602a60005260206000f3")),
        call(1, BLOCKHASH, new byte[0])));
  }

  /** Block 2: BLOCKHASH reaches the genesis, EXTCODESIZE reads a code. */
  private Block blockTwo() throws InvalidBlockException {
    blockOne();
    return chain.append(List.of(
        call(0, BLOCKHASH, new byte[0]),
        call(1, CODESIZE, new byte[0]),
        call(2, STORE, word(3), word(0))));
  }

  private StatelessExecutor.Result recordAndReplay(Block block) throws Exception {
    WitnessRecorder.RecordedBlock recorded = recorder.record(block, chain::header, chain.nodes, chain.codes);
    ExecutionWitness witness = ExecutionWitness.decode(recorded.witness().encode());
    return stateless.execute(block, witness);
  }

  @Test
  void statelessRunReproducesTheHeaderRootsFromTheRecordedWitness() throws Exception {
    Block block = blockTwo();
    StatelessExecutor.Result r = recordAndReplay(block);
    assertArrayEquals(block.header().stateRoot(), r.stateRoot());
    assertArrayEquals(block.header().receiptsRoot(), r.receiptsRoot());
    assertEquals(block.header().gasUsed(), r.gasUsed());
    assertTrue(r.witnessIsMinimal(), "recorded witness has unused entries: " + r);
  }

  @Test
  void witnessHoldsExactlyTheCodesAndHeadersTheBlockUses() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    List<String> codes = w.codes().stream().map(StatelessExecutorTest::hexOf).toList();
    assertEquals(List.of("4360029003406000550" + "0", "73" + "0000000000000000000000000000000000001000" + "3b600155" + "00",
        "602035600035550" + "0"), codes);
    assertEquals(2, w.headers().size(), "parent and genesis (BLOCKHASH of number - 2)");
    assertArrayEquals(block.header().parentHash(), Keccak256.hash(w.headers().get(0)));
  }

  @Test
  void deletionsThatCollapseBranchesReplayStatelessly() throws Exception {
    Block block = blockOne();
    StatelessExecutor.Result r = recordAndReplay(block);
    assertArrayEquals(block.header().stateRoot(), r.stateRoot());
  }

  @Test
  void removingAnyOneWitnessEntryFailsTheRunCleanly() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    forEachVariant(w, List::remove, variant -> assertThrows(InvalidWitnessException.class,
        () -> stateless.execute(block, variant)));
  }

  @Test
  void alteringAnyOneWitnessEntryFailsTheRunCleanly() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    forEachVariant(w, (list, i) -> {
      byte[] altered = list.get(i).clone();
      altered[altered.length / 2] ^= 1;
      list.set(i, altered);
      return null;
    }, variant -> assertThrows(InvalidWitnessException.class, () -> stateless.execute(block, variant)));
  }

  @Test
  void extraEntriesAreAllowedAndListed() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    List<byte[]> state = new ArrayList<>(w.state());
    state.add(Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x20}), Rlp.encodeBytes(new byte[40])));
    state.add(w.state().get(0));
    List<byte[]> codes = new ArrayList<>(w.codes());
    codes.add(hex("600160015500"));
    List<byte[]> headers = new ArrayList<>(w.headers());
    headers.add(headers.get(1));
    StatelessExecutor.Result r = stateless.execute(block, new ExecutionWitness(state, codes, headers));
    assertArrayEquals(block.header().stateRoot(), r.stateRoot());
    assertEquals(2, r.unusedStateNodes().size());
    assertArrayEquals(state.get(state.size() - 2), r.unusedStateNodes().get(0), "the node nothing references");
    assertArrayEquals(w.state().get(0), r.unusedStateNodes().get(1), "the repeat");
    assertEquals(1, r.unusedCodes().size());
    assertArrayEquals(hex("600160015500"), r.unusedCodes().get(0));
    assertEquals(1, r.unusedHeaders().size());
    assertFalse(r.witnessIsMinimal());
  }

  @Test
  void missingParentHeaderIsAWitnessError() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    ExecutionWitness noParent = new ExecutionWitness(w.state(), w.codes(), w.headers().subList(1, 2));
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class, () -> stateless.execute(block, noParent));
    assertTrue(e.getMessage().contains("parent header"), e.getMessage());
  }

  @Test
  void missingAncestorHeaderForBlockhashIsAWitnessError() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    ExecutionWitness noGenesis = new ExecutionWitness(w.state(), w.codes(), w.headers().subList(0, 1));
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class, () -> stateless.execute(block, noGenesis));
    assertTrue(e.getMessage().contains("ancestor header"), e.getMessage());
  }

  @Test
  void missingCodeIsAWitnessError() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    ExecutionWitness noCodes = new ExecutionWitness(w.state(), List.of(), w.headers());
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class, () -> stateless.execute(block, noCodes));
    assertTrue(e.getMessage().contains("lacks a code"), e.getMessage());
  }

  @Test
  void missingTrieNodeIsAWitnessError() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    ExecutionWitness noRoot = new ExecutionWitness(w.state().subList(1, w.state().size()), w.codes(), w.headers());
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class, () -> stateless.execute(block, noRoot));
    assertTrue(e.getMessage().contains("lacks a trie node"), e.getMessage());
  }

  @Test
  void malformedWitnessHeaderIsAWitnessError() throws Exception {
    Block block = blockTwo();
    ExecutionWitness w = recorder.record(block, chain::header, chain.nodes, chain.codes).witness();
    List<byte[]> headers = new ArrayList<>(w.headers());
    headers.add(Rlp.encodeList(Rlp.encodeLong(1)));
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class,
        () -> stateless.execute(block, new ExecutionWitness(w.state(), w.codes(), headers)));
    assertTrue(e.getMessage().contains("header 2 is malformed"), e.getMessage());
  }

  @Test
  void aParentStateRootOfAMalformedStateIsAWitnessError() throws Exception {
    Block block = blockTwo();
    MerklePatriciaTrie accounts = new MerklePatriciaTrie();
    accounts.put(Keccak256.hash(Secp256k1.addressOf(KEYS[0]).toArray()), Rlp.encodeList(Rlp.encodeLong(1)));
    List<byte[]> nodes = new ArrayList<>();
    accounts.commit(new NodeStore() {
      @Override
      public byte[] get(byte[] hash) {
        return null;
      }

      @Override
      public void put(byte[] hash, byte[] encoded) {
        nodes.add(encoded);
      }
    });
    BlockHeader parent = chain.header(block.header().parentHash()).toBuilder().stateRoot(accounts.rootHash()).build();
    Block onCraftedParent = Block.of(block.header().toBuilder().parentHash(parent.hash()).build(),
        block.transactions(), List.of());
    ExecutionWitness crafted = new ExecutionWitness(nodes, List.of(), List.of(parent.encode()));
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class,
        () -> stateless.execute(onCraftedParent, crafted));
    assertTrue(e.getMessage().contains("malformed node, account or slot"), e.getMessage());
  }

  /** Runs {@code check} on each witness that {@code edit} derives by changing one entry of one list. */
  private static void forEachVariant(ExecutionWitness w, Edit edit, Function<ExecutionWitness, ?> check) {
    for (int part = 0; part < 3; part++) {
      List<byte[]> original = List.of(w.state(), w.codes(), w.headers()).get(part);
      for (int i = 0; i < original.size(); i++) {
        List<List<byte[]>> parts = new ArrayList<>(List.of(
            new ArrayList<>(w.state()), new ArrayList<>(w.codes()), new ArrayList<>(w.headers())));
        edit.apply(parts.get(part), i);
        check.apply(new ExecutionWitness(parts.get(0), parts.get(1), parts.get(2)));
      }
    }
  }

  @FunctionalInterface
  private interface Edit {
    Object apply(List<byte[]> list, int index);
  }

  private Transaction call(int sender, Address to, byte[] data) {
    return sign(sender, Transaction.builder(TransactionType.EIP1559).to(to).data(data));
  }

  private Transaction call(int sender, Address to, byte[] slot, byte[] value) {
    byte[] data = new byte[64];
    System.arraycopy(slot, 0, data, 0, 32);
    System.arraycopy(value, 0, data, 32, 32);
    return call(sender, to, data);
  }

  private Transaction create(int sender, byte[] initCode) {
    return sign(sender, Transaction.builder(TransactionType.EIP1559).data(initCode));
  }

  private Transaction sign(int sender, Transaction.Builder b) {
    Transaction tx = b.chainId(UInt256.ONE).nonce(nonces[sender]++).gasLimit(200_000).value(UInt256.ZERO)
        .maxPriorityFeePerGas(UInt256.ONE).maxFeePerGas(UInt256.valueOf(100)).accessList(List.of()).build();
    return TransactionSigner.sign(tx, KEYS[sender]);
  }

  private static byte[] word(long v) {
    return UInt256.valueOf(v).toBytes();
  }

  private static byte[] key(int k) {
    byte[] key = new byte[32];
    key[31] = (byte) k;
    return key;
  }

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  private static String hexOf(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
