package io.nativerollups.evm.tx;

import static io.nativerollups.evm.tx.TestTransactions.KEY;
import static io.nativerollups.evm.tx.TestTransactions.KEY_ADDRESS;
import static io.nativerollups.evm.tx.TestTransactions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionSignerTest {

  /** The worked example of EIP-155 (nonce 9, 20 gwei, to 0x35..35, 1 ether, chain 1). */
  @Test
  void signsTheEip155ExampleExactly() {
    Transaction tx =
        Transaction.builder(TransactionType.LEGACY)
            .chainId(UInt256.ONE)
            .nonce(9)
            .gasPrice(UInt256.valueOf(20_000_000_000L))
            .gasLimit(21000)
            .to(TestTransactions.TO)
            .value(UInt256.valueOf(1_000_000_000_000_000_000L))
            .build();
    assertEquals(
        "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
        hex(TransactionHasher.signingHash(tx)));
    Transaction signed = TransactionSigner.sign(tx, hex("46".repeat(32)));
    assertEquals(
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
            + "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb70"
            + "3304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
        hex(TransactionEncoder.encode(signed)));
    assertEquals(Address.fromHex("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"), signed.sender());
  }

  /**
   * The same transactions signed by @ethereumjs/tx 10.1.3 (key 0x45..45; RFC 6979 signing is
   * deterministic, so both libraries produce the same bytes).
   */
  @ParameterizedTest
  @CsvSource({
    "ACCESS_LIST, 0x9ef3e37e2be869d4b856f8a8d337b21ead39a7860fbc59d5b1722ac6ec3c4499,"
        + " 0xd01c12603c666f0fbf86b5adb53935151cde86cc6799be0cd04175eb2a9bb111",
    "EIP1559, 0x1e0d00c09bc5a9ef263f3050c6afc6e560a70d94432a698438cb777608dc9c93,"
        + " 0x49d15ffebd47533d13fa407cdf4ac7fb057793b86211a4f7d44ed99434437eb0",
    "BLOB, 0x20666ffc76904ea40d69276f1e0d5621a3c45de62ccd03f5793d58c65cdad8be,"
        + " 0x340be0b5dc0ff0bb827543847a389fa9830e7cd2d5f054963bcf72922d77ce3e",
    "SET_CODE, 0x834afbac6223d7783675abc981f2289d60cadbaae11d95b95afedd1fb23d786e,"
        + " 0x90b7cdc2c1af83ba9dfc347538b477caa3c3ecfed6f79e81e0cbffe173b85a37",
  })
  void typedTransactionsHashAndSignAsEthereumjsDoes(
      TransactionType type, String signingHash, String hash) {
    Transaction signed = TestTransactions.signed(type);
    assertEquals(signingHash, hex(TransactionHasher.signingHash(signed)));
    assertEquals(hash, hex(TransactionHasher.hash(signed)));
    assertArrayEquals(
        TestTransactionVectors.ETHEREUMJS_ENCODINGS.get(type), TransactionEncoder.encode(signed));
  }

  @ParameterizedTest
  @EnumSource(TransactionType.class)
  void signedTransactionsDecodeBackToTheSameFieldsAndSender(TransactionType type) {
    Transaction signed = TestTransactions.signed(type);
    assertEquals(KEY_ADDRESS, signed.sender());
    byte[] encoded = TransactionEncoder.encode(signed);
    Transaction decoded = TransactionDecoder.decode(encoded);
    assertEquals(KEY_ADDRESS, decoded.sender());
    assertEquals(signed.type(), decoded.type());
    assertEquals(signed.chainId(), decoded.chainId());
    assertEquals(signed.nonce(), decoded.nonce());
    assertEquals(signed.gasPrice(), decoded.gasPrice());
    assertEquals(signed.maxPriorityFeePerGas(), decoded.maxPriorityFeePerGas());
    assertEquals(signed.maxFeePerGas(), decoded.maxFeePerGas());
    assertEquals(signed.gasLimit(), decoded.gasLimit());
    assertEquals(signed.to(), decoded.to());
    assertEquals(signed.value(), decoded.value());
    assertArrayEquals(signed.data(), decoded.data());
    assertEquals(signed.accessList(), decoded.accessList());
    assertEquals(signed.maxFeePerBlobGas(), decoded.maxFeePerBlobGas());
    assertEquals(signed.blobVersionedHashes().size(), decoded.blobVersionedHashes().size());
    for (int i = 0; i < signed.blobVersionedHashes().size(); i++) {
      assertArrayEquals(signed.blobVersionedHashes().get(i), decoded.blobVersionedHashes().get(i));
    }
    assertEquals(signed.authorizationList(), decoded.authorizationList());
    assertEquals(signed.v(), decoded.v());
    assertEquals(signed.r(), decoded.r());
    assertEquals(signed.s(), decoded.s());
    assertArrayEquals(encoded, TransactionEncoder.encode(decoded));
    assertArrayEquals(TransactionHasher.hash(signed), TransactionHasher.hash(decoded));
  }

  @Test
  void legacyTransactionWithoutChainIdIsSignedWithV27Or28() {
    Transaction tx = TestTransactions.unsigned(TransactionType.LEGACY).toBuilder().chainId(null).build();
    Transaction signed = TransactionSigner.sign(tx, KEY);
    assertTrue(signed.v().equals(UInt256.valueOf(27)) || signed.v().equals(UInt256.valueOf(28)));
    Transaction decoded = TransactionDecoder.decode(TransactionEncoder.encode(signed));
    assertNull(decoded.chainId());
    assertEquals(KEY_ADDRESS, decoded.sender());
  }

  @Test
  void eip155VEncodesTheChainId() {
    Transaction tx =
        TestTransactions.unsigned(TransactionType.LEGACY).toBuilder()
            .chainId(UInt256.valueOf(1337))
            .build();
    Transaction signed = TransactionSigner.sign(tx, KEY);
    long v = signed.v().toLong();
    assertTrue(v == 1337 * 2 + 35 || v == 1337 * 2 + 36, "v = " + v);
    Transaction decoded = TransactionDecoder.decode(TransactionEncoder.encode(signed));
    assertEquals(UInt256.valueOf(1337), decoded.chainId());
    assertEquals(KEY_ADDRESS, decoded.sender());
  }

  @Test
  void signaturesAreLowS() {
    for (TransactionType type : TransactionType.values()) {
      assertTrue(TestTransactions.signed(type).s().compareTo(Secp256k1.HALF_N) <= 0);
    }
  }

  @Test
  void rejectsInvalidKeysAndUnsignedEncoding() {
    Transaction tx = TestTransactions.unsigned(TransactionType.EIP1559);
    assertThrows(IllegalArgumentException.class, () -> TransactionSigner.sign(tx, new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> TransactionSigner.sign(tx, new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> TransactionEncoder.encode(tx));
    assertThrows(IllegalArgumentException.class, () -> TransactionHasher.hash(tx));
  }

  @Test
  void encodingATypeWithoutItsRequiredFieldsSaysWhichIsMissing() {
    Transaction noFeeCap =
        Transaction.builder(TransactionType.EIP1559).chainId(UInt256.ONE).to(TestTransactions.TO).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TransactionHasher.signingHash(noFeeCap));
    assertTrue(e.getMessage().contains("maxPriorityFeePerGas"), e.getMessage());
  }
}
