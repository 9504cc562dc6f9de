package io.nativerollups.evm.tx;

import static io.nativerollups.evm.tx.TestTransactions.KEY;
import static io.nativerollups.evm.tx.TestTransactions.KEY_ADDRESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ethereum.ckzg4844.CKZG4844JNI;
import io.nativerollups.evm.crypto.Kzg;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionDecoderTest {

  @ParameterizedTest
  @EnumSource(value = TransactionType.class, names = {"ACCESS_LIST", "EIP1559", "BLOB", "SET_CODE"})
  void decodesEthereumjsEncodingsWithTheirSender(TransactionType type) {
    byte[] encoded = TestTransactionVectors.ETHEREUMJS_ENCODINGS.get(type);
    Transaction tx = TransactionDecoder.decode(encoded);
    assertEquals(type, tx.type());
    assertEquals(KEY_ADDRESS, tx.sender());
    assertEquals(TestTransactions.TO, tx.to());
    assertEquals(7, tx.nonce());
    assertArrayEquals(encoded, TransactionEncoder.encode(tx));
  }

  @Test
  void decodesTheAuthorizationTupleAsSigned() {
    Transaction tx =
        TransactionDecoder.decode(
            TestTransactionVectors.ETHEREUMJS_ENCODINGS.get(TransactionType.SET_CODE));
    assertEquals(List.of(TestTransactions.AUTHORIZATION), tx.authorizationList());
  }

  @Test
  void keepsAnAuthorizationParityAbove1ForTheProcessorToSkip() {
    Authorization a = TestTransactions.AUTHORIZATION;
    Authorization badParity =
        new Authorization(a.chainId(), a.address(), a.nonce(), UInt256.valueOf(255), a.r(), a.s());
    Transaction tx =
        TransactionSigner.sign(
            TestTransactions.unsigned(TransactionType.SET_CODE).toBuilder()
                .authorizationList(List.of(badParity))
                .build(),
            KEY);
    Transaction decoded = TransactionDecoder.decode(TransactionEncoder.encode(tx));
    assertEquals(KEY_ADDRESS, decoded.sender());
    assertEquals(UInt256.valueOf(255), decoded.authorizationList().get(0).yParity());
    assertNull(AuthorizationSigner.recoverAuthority(decoded.authorizationList().get(0)));
  }

  @Test
  void acceptsContractCreationForTypes0To2() {
    for (TransactionType type :
        List.of(TransactionType.LEGACY, TransactionType.ACCESS_LIST, TransactionType.EIP1559)) {
      Transaction create =
          TransactionSigner.sign(TestTransactions.unsigned(type).toBuilder().to(null).build(), KEY);
      Transaction decoded = TransactionDecoder.decode(TransactionEncoder.encode(create));
      assertTrue(decoded.isContractCreation(), type.toString());
      assertEquals(KEY_ADDRESS, decoded.sender());
    }
  }

  @Test
  void acceptsTheLargestNonceAndGasLimitThatFitIn64Bits() {
    Transaction tx =
        TransactionSigner.sign(
            TestTransactions.unsigned(TransactionType.EIP1559).toBuilder()
                .nonce(-1L)
                .gasLimit(-1L)
                .build(),
            KEY);
    Transaction decoded = TransactionDecoder.decode(TransactionEncoder.encode(tx));
    assertEquals(-1L, decoded.nonce());
    assertEquals(-1L, decoded.gasLimit());
  }

  // ---- malformed envelopes ----

  @ParameterizedTest
  @EnumSource(TransactionType.class)
  void everyTruncationIsRejected(TransactionType type) {
    byte[] encoded = TransactionEncoder.encode(TestTransactions.signed(type));
    for (int length = 0; length < encoded.length; length++) {
      byte[] prefix = Arrays.copyOf(encoded, length);
      assertThrows(
          InvalidTransactionException.class,
          () -> TransactionDecoder.decode(prefix),
          "prefix of " + length + " bytes");
    }
  }

  @ParameterizedTest
  @EnumSource(TransactionType.class)
  void trailingBytesAreRejected(TransactionType type) {
    byte[] encoded = TransactionEncoder.encode(TestTransactions.signed(type));
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
    assertMessage(longer, "trailing bytes");
  }

  @Test
  void emptyInputIsRejected() {
    assertMessage(new byte[0], "empty transaction");
    assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x05, 0x7f})
  void unknownTypeBytesAreRejected(int typeByte) {
    byte[] encoded = TransactionEncoder.encode(TestTransactions.signed(TransactionType.EIP1559));
    encoded[0] = (byte) typeByte;
    assertMessage(encoded, "unsupported transaction type");
  }

  @Test
  void typeByteZeroIsNotAnEnvelopeForLegacyTransactions() {
    byte[] legacy = TransactionEncoder.encode(TestTransactions.signed(TransactionType.LEGACY));
    byte[] enveloped = new byte[legacy.length + 1];
    System.arraycopy(legacy, 0, enveloped, 1, legacy.length);
    assertMessage(enveloped, "type byte 0x00 has no envelope");
  }

  @Test
  void aPayloadUnderAnotherTypeByteIsRejected() {
    byte[] eip1559 = TransactionEncoder.encode(TestTransactions.signed(TransactionType.EIP1559));
    eip1559[0] = 0x01;
    assertMessage(eip1559, "type 1 transaction must have 11 fields, got 12");
    eip1559[0] = 0x04;
    assertMessage(eip1559, "type 4 transaction must have 13 fields, got 12");
  }

  @Test
  void anRlpStringIsNotATransaction() {
    assertMessage(Rlp.encodeBytes(new byte[40]), "RLP string");
    assertMessage(new byte[] {0x02, (byte) 0x80}, "must be an RLP list");
  }

  @Test
  void tooFewOrTooManyFieldsAreRejected() {
    List<byte[]> fields = signedFieldList(TransactionType.LEGACY);
    fields.remove(fields.size() - 1);
    assertMessage(Rlp.encodeList(fields), "must have 9 fields, got 8");
    fields.add(Rlp.encodeLong(1));
    fields.add(Rlp.encodeLong(1));
    assertMessage(Rlp.encodeList(fields), "must have 9 fields, got 10");
  }

  // ---- malformed fields ----

  static Stream<Arguments> malformedFields() {
    byte[] nineBytes = Rlp.encodeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0});
    byte[] thirtyThreeBytes = Rlp.encodeBytes(concat(new byte[] {1}, new byte[32]));
    byte[] address21 = Rlp.encodeBytes(new byte[21]);
    byte[] empty = Rlp.encodeBytes(new byte[0]);
    byte[] emptyList = Rlp.encodeList();
    byte[] address = Rlp.encodeBytes(TestTransactions.TO.toArray());
    byte[] key32 = Rlp.encodeBytes(new byte[32]);
    return Stream.of(
        Arguments.of(TransactionType.LEGACY, 0, nineBytes, "nonce exceeds 2^64-1"),
        Arguments.of(TransactionType.LEGACY, 0, Rlp.encodeBytes(new byte[] {0, 1}), "nonce has leading zero"),
        Arguments.of(TransactionType.LEGACY, 0, new byte[] {(byte) 0x81, 0x07}, "malformed RLP"),
        Arguments.of(TransactionType.LEGACY, 0, emptyList, "nonce must be a byte string"),
        Arguments.of(TransactionType.LEGACY, 1, thirtyThreeBytes, "gasPrice exceeds 2^256-1"),
        Arguments.of(TransactionType.LEGACY, 2, nineBytes, "gasLimit exceeds 2^64-1"),
        Arguments.of(TransactionType.LEGACY, 3, address21, "to must be 20 bytes or empty, got 21"),
        Arguments.of(TransactionType.LEGACY, 3, Rlp.encodeBytes(new byte[19]), "to must be 20 bytes"),
        Arguments.of(TransactionType.LEGACY, 4, thirtyThreeBytes, "value exceeds 2^256-1"),
        Arguments.of(TransactionType.LEGACY, 5, emptyList, "data must be a byte string"),
        Arguments.of(TransactionType.LEGACY, 6, Rlp.encodeLong(29), "v must be 27, 28 or chainId*2+35/36"),
        Arguments.of(TransactionType.LEGACY, 6, Rlp.encodeLong(0), "v must be 27, 28"),
        Arguments.of(TransactionType.LEGACY, 6, Rlp.encodeLong(34), "v must be 27, 28"),
        Arguments.of(TransactionType.LEGACY, 6, thirtyThreeBytes, "v exceeds 2^256-1"),
        Arguments.of(TransactionType.LEGACY, 7, empty, "r must be in [1, N-1]"),
        Arguments.of(TransactionType.LEGACY, 7, Rlp.encodeUInt256(Secp256k1.N), "r must be in [1, N-1]"),
        Arguments.of(TransactionType.LEGACY, 8, empty, "s must be in [1, N/2]"),
        Arguments.of(TransactionType.LEGACY, 8, thirtyThreeBytes, "s exceeds 2^256-1"),
        Arguments.of(TransactionType.EIP1559, 0, thirtyThreeBytes, "chainId exceeds 2^256-1"),
        Arguments.of(TransactionType.EIP1559, 2, thirtyThreeBytes, "maxPriorityFeePerGas exceeds"),
        Arguments.of(TransactionType.EIP1559, 3, Rlp.encodeBytes(new byte[] {0, 5}), "maxFeePerGas has leading zero"),
        Arguments.of(TransactionType.EIP1559, 8, empty, "accessList must be a list"),
        Arguments.of(TransactionType.EIP1559, 8, Rlp.encodeList(Rlp.encodeList(Rlp.encodeBytes(new byte[19]), emptyList)),
            "access list entry address must be 20 bytes, got 19"),
        Arguments.of(TransactionType.EIP1559, 8, Rlp.encodeList(Rlp.encodeList(address, Rlp.encodeList(Rlp.encodeBytes(new byte[31])))),
            "access list storage key must be 32 bytes, got 31"),
        Arguments.of(TransactionType.EIP1559, 8, Rlp.encodeList(Rlp.encodeList(address, Rlp.encodeList(key32), emptyList)),
            "access list entry must have 2 fields, got 3"),
        Arguments.of(TransactionType.EIP1559, 8, Rlp.encodeList(address), "access list entry must be an RLP list"),
        Arguments.of(TransactionType.EIP1559, 9, Rlp.encodeLong(2), "yParity must be 0 or 1"),
        Arguments.of(TransactionType.EIP1559, 9, Rlp.encodeLong(27), "yParity must be 0 or 1"),
        Arguments.of(TransactionType.ACCESS_LIST, 8, Rlp.encodeLong(2), "yParity must be 0 or 1"),
        Arguments.of(TransactionType.BLOB, 5, empty, "type 3 transaction to must be 20 bytes, got 0"),
        Arguments.of(TransactionType.BLOB, 9, thirtyThreeBytes, "maxFeePerBlobGas exceeds"),
        Arguments.of(TransactionType.BLOB, 10, Rlp.encodeList(Rlp.encodeBytes(new byte[31])),
            "blob versioned hash must be 32 bytes, got 31"),
        Arguments.of(TransactionType.BLOB, 10, Rlp.encodeList(emptyList), "blob versioned hash must be a byte string"),
        Arguments.of(TransactionType.SET_CODE, 5, empty, "type 4 transaction to must be 20 bytes, got 0"),
        Arguments.of(TransactionType.SET_CODE, 9, empty, "authorizationList must be a list"),
        Arguments.of(TransactionType.SET_CODE, 9, authorizations(1, Rlp.encodeBytes(new byte[19])),
            "authorization address must be 20 bytes, got 19"),
        Arguments.of(TransactionType.SET_CODE, 9, authorizations(0, thirtyThreeBytes), "authorization chainId exceeds"),
        Arguments.of(TransactionType.SET_CODE, 9, authorizations(2, nineBytes), "authorization nonce exceeds 2^64-1"),
        Arguments.of(TransactionType.SET_CODE, 9, authorizations(3, Rlp.encodeLong(256)), "authorization yParity exceeds 2^8-1"),
        Arguments.of(TransactionType.SET_CODE, 9, authorizations(4, thirtyThreeBytes), "authorization r exceeds"),
        Arguments.of(TransactionType.SET_CODE, 9, authorizations(5, thirtyThreeBytes), "authorization s exceeds"),
        Arguments.of(TransactionType.SET_CODE, 9, Rlp.encodeList(Rlp.encodeList(Rlp.encodeLong(1), address)),
            "authorization must have 6 fields, got 2"));
  }

  @ParameterizedTest(name = "{0} field {1}: {3}")
  @MethodSource("malformedFields")
  void malformedFieldsAreRejectedByName(TransactionType type, int index, byte[] item, String message) {
    List<byte[]> fields = signedFieldList(type);
    fields.set(index, item);
    assertMessage(TransactionEncoder.envelope(type, Rlp.encodeList(fields)), message);
  }

  // ---- signatures ----

  /** (r, N-s) with the other parity is the same signature mirrored: it recovers, but EIP-2 forbids it. */
  @ParameterizedTest
  @EnumSource(TransactionType.class)
  void highSIsRejected(TransactionType type) {
    Transaction tx = TestTransactions.signed(type);
    UInt256 highS = Secp256k1.N.subtract(tx.s());
    int recId = type == TransactionType.LEGACY ? (int) ((tx.v().toLong() - 35) & 1) : (int) tx.v().toLong();
    UInt256 flippedV = recId == 0 ? tx.v().add(UInt256.ONE) : tx.v().subtract(UInt256.ONE);
    assertEquals(
        KEY_ADDRESS,
        Secp256k1.recoverAddress(TransactionHasher.signingHash(tx), 1 - recId, tx.r(), highS),
        "the mirrored signature is mathematically valid");
    Transaction mirrored = tx.toBuilder().signature(flippedV, tx.r(), highS).build();
    assertMessage(TransactionEncoder.encode(mirrored), "EIP-2");
  }

  @Test
  void sEqualToHalfNIsAccepted() {
    Transaction tx = TestTransactions.signed(TransactionType.EIP1559);
    Transaction halfN = tx.toBuilder().signature(tx.v(), tx.r(), Secp256k1.HALF_N).build();
    Transaction decoded = TransactionDecoder.decode(TransactionEncoder.encode(halfN));
    assertTrue(decoded.sender() != null && !decoded.sender().equals(KEY_ADDRESS));
  }

  @Test
  void anRThatIsNoCurvePointIsRejected() {
    Transaction tx = TestTransactions.signed(TransactionType.EIP1559);
    Transaction bad = tx.toBuilder().signature(tx.v(), TestTransactions.xWithoutCurvePoint(), tx.s()).build();
    assertMessage(TransactionEncoder.encode(bad), "does not recover");
  }

  @Test
  void changingASignedFieldChangesTheSender() {
    List<byte[]> fields = signedFieldList(TransactionType.EIP1559);
    fields.set(1, Rlp.encodeLong(8));
    Transaction tampered =
        TransactionDecoder.decode(TransactionEncoder.envelope(TransactionType.EIP1559, Rlp.encodeList(fields)));
    assertTrue(!KEY_ADDRESS.equals(tampered.sender()));
  }

  // ---- blob transaction network form ----

  @Test
  void blobNetworkFormDecodesToTheCanonicalTransaction() {
    SidecarFixture sidecar = SidecarFixture.withBlobs(2);
    Transaction tx = sidecar.signedTransaction();
    Transaction decoded = TransactionDecoder.decode(sidecar.networkForm(tx, sidecar.blobProofs));
    assertEquals(KEY_ADDRESS, decoded.sender());
    assertArrayEquals(TransactionHasher.hash(tx), TransactionHasher.hash(decoded));
    assertArrayEquals(TransactionEncoder.encode(tx), TransactionEncoder.encode(decoded));
  }

  @Test
  void eip7594NetworkFormWithCellProofsDecodes() {
    SidecarFixture sidecar = SidecarFixture.withBlobs(1);
    Transaction tx = sidecar.signedTransaction();
    byte[] networkForm = sidecar.cellProofForm(tx, Rlp.encodeLong(1), SidecarFixture.oneBlobCellProofs());
    assertArrayEquals(TransactionHasher.hash(tx), TransactionHasher.hash(TransactionDecoder.decode(networkForm)));
  }

  @Test
  void decodeWithSidecarKeepsTheSidecarAndLeavesItsProofsToTheCaller() {
    SidecarFixture sidecar = SidecarFixture.withBlobs(2);
    Transaction tx = sidecar.signedTransaction();
    List<byte[]> swapped = List.of(sidecar.blobProofs.get(1), sidecar.blobProofs.get(0));
    TransactionDecoder.WithSidecar decoded = TransactionDecoder.decodeWithSidecar(sidecar.networkForm(tx, swapped));
    assertArrayEquals(TransactionHasher.hash(tx), TransactionHasher.hash(decoded.transaction()));
    BlobSidecar kept = decoded.sidecar();
    assertFalse(kept.cellProofs());
    assertArrayEquals(sidecar.blobs.get(1), kept.blobs().get(1));
    assertArrayEquals(sidecar.commitments.get(0), kept.commitments().get(0));
    assertArrayEquals(swapped.get(0), kept.proofs().get(0));
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
        () -> kept.verify(tx.blobVersionedHashes()));
    assertTrue(e.getMessage().contains("KZG proofs do not verify"), e.getMessage());
    assertNull(TransactionDecoder.decodeWithSidecar(TransactionEncoder.encode(tx)).sidecar(), "canonical form");
  }

  @Test
  void proofsThatDoNotVerifyTheBlobsAreRejected() {
    SidecarFixture sidecar = SidecarFixture.withBlobs(2);
    Transaction tx = sidecar.signedTransaction();
    List<byte[]> swapped = List.of(sidecar.blobProofs.get(1), sidecar.blobProofs.get(0));
    assertMessage(sidecar.networkForm(tx, swapped), "KZG proofs do not verify");

    SidecarFixture oneBlob = SidecarFixture.withBlobs(1);
    List<byte[]> cellProofs = new ArrayList<>(SidecarFixture.oneBlobCellProofs());
    Collections.swap(cellProofs, 3, 4);
    assertMessage(
        oneBlob.cellProofForm(oneBlob.signedTransaction(), Rlp.encodeLong(1), cellProofs),
        "KZG proofs do not verify");
  }

  @Test
  void aBlobWithAFieldElementAboveTheModulusIsRejected() {
    SidecarFixture sidecar = SidecarFixture.withBlobs(1);
    Arrays.fill(sidecar.blobs.get(0), 0, 32, (byte) 0xff);
    Transaction tx = sidecar.signedTransaction();
    assertMessage(sidecar.networkForm(tx, sidecar.blobProofs), "blob sidecar is malformed");
  }

  @Test
  void blobNetworkFormWithInconsistentSidecarIsRejected() {
    SidecarFixture sidecar = SidecarFixture.withBlobs(2);
    Transaction tx = sidecar.signedTransaction();
    assertMessage(sidecar.networkForm(tx, sidecar.blobProofs.subList(0, 1)), "needs 2 proofs, got 1");
    assertMessage(sidecar.cellProofForm(tx, Rlp.encodeLong(1), sidecar.blobProofs), "needs 256 proofs, got 2");
    assertMessage(sidecar.cellProofForm(tx, Rlp.encodeLong(2), sidecar.blobProofs), "version must be 1");

    SidecarFixture otherCommitment = SidecarFixture.withBlobs(2);
    otherCommitment.commitments.set(1, otherCommitment.commitments.get(0));
    assertMessage(otherCommitment.networkForm(tx, sidecar.blobProofs), "KZG commitment 1 does not match");

    SidecarFixture oneBlob = SidecarFixture.withBlobs(2);
    oneBlob.blobs.remove(1);
    assertMessage(oneBlob.networkForm(tx, sidecar.blobProofs), "2 versioned hashes but 1 blobs");

    SidecarFixture shortBlob = SidecarFixture.withBlobs(1);
    shortBlob.blobs.set(0, new byte[131071]);
    assertMessage(shortBlob.networkForm(shortBlob.signedTransaction(), shortBlob.blobProofs), "blob must be 131072 bytes");

    byte[] encoded = TransactionEncoder.encode(tx);
    byte[] payload = Arrays.copyOfRange(encoded, 1, encoded.length);
    assertMessage(
        TransactionEncoder.envelope(TransactionType.BLOB, Rlp.encodeList(payload, Rlp.encodeList())),
        "network wrapper must have 4 or 5 fields, got 2");
  }

  /** Blobs of distinct small field elements with their real KZG commitments and proofs. */
  private static final class SidecarFixture {
    final List<byte[]> blobs = new ArrayList<>();
    final List<byte[]> commitments = new ArrayList<>();
    final List<byte[]> blobProofs = new ArrayList<>();

    static SidecarFixture withBlobs(int count) {
      Kzg.ensureLoaded();
      SidecarFixture s = new SidecarFixture();
      for (int b = 0; b < count; b++) {
        byte[] blob = new byte[131072];
        for (int i = 0; i < 4096; i++) {
          blob[32 * i + 31] = (byte) (i + b);
          blob[32 * i + 30] = (byte) (i >> 8);
        }
        byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
        s.blobs.add(blob);
        s.commitments.add(commitment);
        s.blobProofs.add(CKZG4844JNI.computeBlobKzgProof(blob, commitment));
      }
      return s;
    }

    private static List<byte[]> oneBlobCellProofs;

    /** The 128 cell proofs of {@code withBlobs(1)}'s blob; computing them is slow, so once. */
    static synchronized List<byte[]> oneBlobCellProofs() {
      if (oneBlobCellProofs == null) {
        byte[] all = CKZG4844JNI.computeCellsAndKzgProofs(withBlobs(1).blobs.get(0)).getProofs();
        List<byte[]> proofs = new ArrayList<>();
        for (int i = 0; i < all.length; i += 48) {
          proofs.add(Arrays.copyOfRange(all, i, i + 48));
        }
        oneBlobCellProofs = List.copyOf(proofs);
      }
      return oneBlobCellProofs;
    }

    Transaction signedTransaction() {
      List<byte[]> hashes = new ArrayList<>();
      for (byte[] c : commitments) {
        hashes.add(Kzg.versionedHash(c));
      }
      return TransactionSigner.sign(
          TestTransactions.unsigned(TransactionType.BLOB).toBuilder().blobVersionedHashes(hashes).build(), KEY);
    }

    byte[] networkForm(Transaction tx, List<byte[]> proofs) {
      return TransactionEncoder.envelope(
          TransactionType.BLOB, Rlp.encodeList(payload(tx), strings(blobs), strings(commitments), strings(proofs)));
    }

    byte[] cellProofForm(Transaction tx, byte[] version, List<byte[]> proofs) {
      return TransactionEncoder.envelope(
          TransactionType.BLOB,
          Rlp.encodeList(payload(tx), version, strings(blobs), strings(commitments), strings(proofs)));
    }

    private static byte[] payload(Transaction tx) {
      byte[] encoded = TransactionEncoder.encode(tx);
      return Arrays.copyOfRange(encoded, 1, encoded.length);
    }

    private static byte[] strings(List<byte[]> values) {
      List<byte[]> items = new ArrayList<>();
      for (byte[] v : values) {
        items.add(Rlp.encodeBytes(v));
      }
      return Rlp.encodeList(items);
    }
  }

  // ---- helpers ----

  /** The RLP items of a signed sample transaction of {@code type}, signature included. */
  private static List<byte[]> signedFieldList(TransactionType type) {
    Transaction tx = TestTransactions.signed(type);
    List<byte[]> fields = TransactionEncoder.signedFields(tx);
    fields.add(Rlp.encodeUInt256(tx.v()));
    fields.add(Rlp.encodeUInt256(tx.r()));
    fields.add(Rlp.encodeUInt256(tx.s()));
    return fields;
  }

  /** A one-tuple authorization list whose field {@code index} is replaced by {@code item}. */
  private static byte[] authorizations(int index, byte[] item) {
    Authorization a = TestTransactions.AUTHORIZATION;
    List<byte[]> tuple =
        new ArrayList<>(
            List.of(
                Rlp.encodeUInt256(a.chainId()),
                Rlp.encodeBytes(a.address().toArray()),
                Rlp.encodeLong(a.nonce()),
                Rlp.encodeUInt256(a.yParity()),
                Rlp.encodeUInt256(a.r()),
                Rlp.encodeUInt256(a.s())));
    tuple.set(index, item);
    return Rlp.encodeList(Rlp.encodeList(tuple));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void assertMessage(byte[] raw, String fragment) {
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(raw));
    assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
  }
}
