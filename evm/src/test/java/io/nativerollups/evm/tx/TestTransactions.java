package io.nativerollups.evm.tx;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/** Unsigned sample transactions of every type, and the key the tests sign them with. */
final class TestTransactions {
  static final byte[] KEY = hex("4545454545454545454545454545454545454545454545454545454545454545");
  static final Address KEY_ADDRESS = Address.fromHex("0xe0da1edcea030875cd0f199d96eb70f6ab78faf2");
  static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");
  static final List<AccessListEntry> ACCESS_LIST =
      List.of(
          new AccessListEntry(
              Address.fromHex("0x1111111111111111111111111111111111111111"),
              List.of(UInt256.ONE, UInt256.MAX)));
  static final byte[] BLOB_HASH_1 = hex("01" + "ab".repeat(31));
  static final byte[] BLOB_HASH_2 = hex("01" + "cd".repeat(31));
  static final Authorization AUTHORIZATION =
      new Authorization(
          UInt256.ONE,
          Address.fromHex("0x2222222222222222222222222222222222222222"),
          8,
          UInt256.ONE,
          UInt256.fromHexString("33".repeat(32)),
          UInt256.fromHexString("44".repeat(16)));

  private TestTransactions() {}

  static byte[] hex(String h) {
    return HexFormat.of().parseHex(h.startsWith("0x") ? h.substring(2) : h);
  }

  static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }

  /** nonce 7, gas 100000, to 0x35..35, value 1000, data 0xdeadbeef, chain 1, and type-specific fields. */
  static Transaction unsigned(TransactionType type) {
    Transaction.Builder b =
        Transaction.builder(type)
            .chainId(UInt256.ONE)
            .nonce(7)
            .gasLimit(100_000)
            .to(TO)
            .value(UInt256.valueOf(1000))
            .data(hex("deadbeef"));
    UInt256 tip = UInt256.valueOf(2);
    UInt256 feeCap = UInt256.valueOf(3_000_000_000L);
    switch (type) {
      case LEGACY -> b.gasPrice(UInt256.valueOf(1_000_000_000L));
      case ACCESS_LIST -> b.gasPrice(UInt256.valueOf(1_000_000_000L)).accessList(ACCESS_LIST);
      case EIP1559 -> b.maxPriorityFeePerGas(tip).maxFeePerGas(feeCap).accessList(ACCESS_LIST);
      case BLOB ->
          b.maxPriorityFeePerGas(tip)
              .maxFeePerGas(feeCap)
              .maxFeePerBlobGas(UInt256.valueOf(5))
              .blobVersionedHashes(List.of(BLOB_HASH_1, BLOB_HASH_2));
      case SET_CODE ->
          b.maxPriorityFeePerGas(tip).maxFeePerGas(feeCap).authorizationList(List.of(AUTHORIZATION));
    }
    return b.build();
  }

  static Transaction signed(TransactionType type) {
    return TransactionSigner.sign(unsigned(type), KEY);
  }

  /** The smallest x for which x^3 + 7 has no square root mod p: as r, no public key recovers. */
  static UInt256 xWithoutCurvePoint() {
    BigInteger p = new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
    BigInteger halfOrder = p.subtract(BigInteger.ONE).shiftRight(1);
    for (BigInteger x = BigInteger.ONE; ; x = x.add(BigInteger.ONE)) {
      BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(p);
      // Euler's criterion: a non-residue raised to (p-1)/2 gives p-1.
      if (rhs.modPow(halfOrder, p).equals(p.subtract(BigInteger.ONE))) {
        return UInt256.fromBigInteger(x);
      }
    }
  }
}
