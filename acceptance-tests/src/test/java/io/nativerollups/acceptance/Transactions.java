package io.nativerollups.acceptance;

import ethereum.ckzg4844.CKZG4844JNI;
import io.nativerollups.evm.crypto.Kzg;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.tx.Authorization;
import io.nativerollups.evm.tx.AuthorizationSigner;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionSigner;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signed transactions of every type. Types 0–2 are built and signed by web3j, the way a wallet
 * does; web3j 4.14 has no EIP-7702 type and only the pre-Osaka blob wrapper, so types 3 and 4 are
 * signed with our own codec ({@code io.nativerollups.evm.tx}).
 */
public final class Transactions {
  /** A fee cap far above the dev chain's base fee (1 gwei at genesis, falling while blocks are empty). */
  public static final BigInteger MAX_FEE = BigInteger.valueOf(20_000_000_000L);
  public static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
  public static final BigInteger GAS_PRICE = MAX_FEE;
  public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);
  private static final long CHAIN_ID = DevAccounts.CHAIN_ID;

  private Transactions() {}

  /** Type 0, EIP-155 signed. */
  public static byte[] legacy(Credentials from, BigInteger nonce, String to, BigInteger value) {
    RawTransaction tx = RawTransaction.createEtherTransaction(nonce, GAS_PRICE, TRANSFER_GAS, to, value);
    return TransactionEncoder.signMessage(tx, CHAIN_ID, from);
  }

  /** Type 0 with any gas price, limit and data (for rejections). */
  public static byte[] legacy(Credentials from, BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit,
      String to, BigInteger value, String data, long chainId) {
    RawTransaction tx = RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, value, data);
    return TransactionEncoder.signMessage(tx, chainId, from);
  }

  /** Type 1 with an access list. */
  public static byte[] accessList(Credentials from, BigInteger nonce, String to, BigInteger value,
      List<AccessListObject> accessList, BigInteger gasLimit) {
    RawTransaction tx = RawTransaction.createTransaction(
        CHAIN_ID, nonce, GAS_PRICE, gasLimit, to, value, "0x", accessList);
    return TransactionEncoder.signMessage(tx, from); // typed: the chain id is a field, not in v
  }

  /** Type 2. */
  public static byte[] eip1559(Credentials from, BigInteger nonce, String to, BigInteger value) {
    return eip1559(from, nonce, TRANSFER_GAS, to, value, "0x", PRIORITY_FEE, MAX_FEE);
  }

  /** Type 2 with any fields; {@code to == null} creates a contract. */
  public static byte[] eip1559(Credentials from, BigInteger nonce, BigInteger gasLimit, String to,
      BigInteger value, String data, BigInteger priorityFee, BigInteger maxFee) {
    RawTransaction tx = to == null
        ? RawTransaction.createTransaction(CHAIN_ID, nonce, gasLimit, "", value, data, priorityFee, maxFee)
        : RawTransaction.createTransaction(CHAIN_ID, nonce, gasLimit, to, value, data, priorityFee, maxFee);
    return TransactionEncoder.signMessage(tx, from);
  }

  /** A blob transaction and the versioned hashes of its blobs. */
  public record BlobTransaction(byte[] networkForm, List<byte[]> versionedHashes) {}

  /**
   * Type 3 in the Osaka network form (EIP-7594 wrapper version 1: one KZG proof per cell), carrying
   * {@code blobs.size()} blobs.
   */
  public static BlobTransaction blob(Credentials from, BigInteger nonce, String to, BigInteger value,
      BigInteger maxFeePerBlobGas, List<byte[]> blobs) {
    Kzg.ensureLoaded();
    List<byte[]> commitments = new ArrayList<>();
    List<byte[]> cellProofs = new ArrayList<>();
    List<byte[]> versionedHashes = new ArrayList<>();
    for (byte[] blob : blobs) {
      byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
      commitments.add(commitment);
      versionedHashes.add(Kzg.versionedHash(commitment));
      byte[] proofs = CKZG4844JNI.computeCellsAndKzgProofs(blob).getProofs();
      for (int i = 0; i < proofs.length; i += CKZG4844JNI.BYTES_PER_PROOF) {
        cellProofs.add(Arrays.copyOfRange(proofs, i, i + CKZG4844JNI.BYTES_PER_PROOF));
      }
    }
    Transaction tx = Transaction.builder(TransactionType.BLOB)
        .chainId(UInt256.valueOf(CHAIN_ID))
        .nonce(nonce.longValueExact())
        .maxPriorityFeePerGas(UInt256.fromBigInteger(PRIORITY_FEE))
        .maxFeePerGas(UInt256.fromBigInteger(MAX_FEE))
        .gasLimit(TRANSFER_GAS.longValueExact())
        .to(Address.fromHex(to))
        .value(UInt256.fromBigInteger(value))
        .data(new byte[0])
        .accessList(List.of())
        .maxFeePerBlobGas(UInt256.fromBigInteger(maxFeePerBlobGas))
        .blobVersionedHashes(versionedHashes)
        .build();
    byte[] canonical = io.nativerollups.evm.tx.TransactionEncoder.encode(
        TransactionSigner.sign(tx, DevAccounts.privateKey(from)));
    byte[] signedPayload = Arrays.copyOfRange(canonical, 1, canonical.length); // drop the type byte
    byte[] wrapper = Rlp.encodeList(
        signedPayload,
        Rlp.encodeLong(1),
        Rlp.encodeList(blobs.stream().map(Rlp::encodeBytes).toList()),
        Rlp.encodeList(commitments.stream().map(Rlp::encodeBytes).toList()),
        Rlp.encodeList(cellProofs.stream().map(Rlp::encodeBytes).toList()));
    byte[] networkForm = new byte[wrapper.length + 1];
    networkForm[0] = 0x03;
    System.arraycopy(wrapper, 0, networkForm, 1, wrapper.length);
    return new BlobTransaction(networkForm, versionedHashes);
  }

  /** A blob whose field elements are small numbers derived from {@code seed} (all below the BLS modulus). */
  public static byte[] blob(int seed) {
    byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    for (int element = 0; element < CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB; element++) {
      int value = seed * 31 + element;
      blob[element * 32 + 30] = (byte) (value >>> 8);
      blob[element * 32 + 31] = (byte) value;
    }
    return blob;
  }

  /** An EIP-7702 authorization, signed by {@code authority}, delegating its account to {@code delegate}. */
  public static Authorization authorization(Credentials authority, String delegate, BigInteger authorityNonce) {
    return AuthorizationSigner.sign(UInt256.valueOf(CHAIN_ID), Address.fromHex(delegate),
        authorityNonce.longValueExact(), DevAccounts.privateKey(authority));
  }

  /** Type 4 carrying {@code authorizations}, with no call data. */
  public static byte[] setCode(Credentials from, BigInteger nonce, String to, BigInteger value,
      BigInteger gasLimit, List<Authorization> authorizations) {
    return setCode(from, nonce, to, value, "0x", gasLimit, authorizations);
  }

  /** Type 4 carrying {@code authorizations} and calling {@code to} with {@code data}. */
  public static byte[] setCode(Credentials from, BigInteger nonce, String to, BigInteger value, String data,
      BigInteger gasLimit, List<Authorization> authorizations) {
    Transaction tx = Transaction.builder(TransactionType.SET_CODE)
        .chainId(UInt256.valueOf(CHAIN_ID))
        .nonce(nonce.longValueExact())
        .maxPriorityFeePerGas(UInt256.fromBigInteger(PRIORITY_FEE))
        .maxFeePerGas(UInt256.fromBigInteger(MAX_FEE))
        .gasLimit(gasLimit.longValueExact())
        .to(Address.fromHex(to))
        .value(UInt256.fromBigInteger(value))
        .data(Numeric.hexStringToByteArray(data))
        .accessList(List.of())
        .authorizationList(authorizations)
        .build();
    return io.nativerollups.evm.tx.TransactionEncoder.encode(TransactionSigner.sign(tx, DevAccounts.privateKey(from)));
  }
}
