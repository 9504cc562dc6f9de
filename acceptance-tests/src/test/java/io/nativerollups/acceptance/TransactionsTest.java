package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nativerollups.evm.tx.AuthorizationSigner;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionDecoder;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;

/** The test signers make what the node's decoder accepts: right type, sender, chain id and fields. */
class TransactionsTest {
  private static final Credentials FROM = DevAccounts.ALICE;
  private static final String TO = DevAccounts.BOB.getAddress();
  private static final UInt256 CHAIN = UInt256.valueOf(DevAccounts.CHAIN_ID);

  @Test
  void web3jSignedTypesZeroToTwoDecodeWithSenderAndChainId() {
    Transaction legacy = TransactionDecoder.decode(Transactions.legacy(FROM, BigInteger.ONE, TO, BigInteger.TEN));
    assertEquals(TransactionType.LEGACY, legacy.type());
    assertEquals(CHAIN, legacy.chainId());

    Transaction accessList = TransactionDecoder.decode(Transactions.accessList(FROM, BigInteger.TWO, TO, BigInteger.TEN,
        List.of(new AccessListObject(TO, List.of("0x" + "00".repeat(31) + "01"))), BigInteger.valueOf(30_000)));
    assertEquals(TransactionType.ACCESS_LIST, accessList.type());
    assertEquals(1, accessList.accessList().size());

    Transaction dynamicFee = TransactionDecoder.decode(Transactions.eip1559(FROM, BigInteger.valueOf(3), TO, BigInteger.TEN));
    assertEquals(TransactionType.EIP1559, dynamicFee.type());
    assertEquals(UInt256.fromBigInteger(Transactions.PRIORITY_FEE), dynamicFee.maxPriorityFeePerGas());

    for (Transaction tx : List.of(legacy, accessList, dynamicFee)) {
      assertEquals(Address.fromHex(FROM.getAddress()), tx.sender());
      assertEquals(Address.fromHex(TO), tx.to());
      assertEquals(UInt256.valueOf(10), tx.value());
    }
  }

  @Test
  void contractCreationHasNoRecipient() {
    Transaction create = TransactionDecoder.decode(Transactions.eip1559(FROM, BigInteger.ZERO, BigInteger.valueOf(1_000_000),
        null, BigInteger.ZERO, KeyValueStore.bytecode(), Transactions.PRIORITY_FEE, Transactions.MAX_FEE));
    assertEquals(true, create.isContractCreation());
  }

  @Test
  void blobNetworkFormCarriesVerifiedCellProofs() {
    Transactions.BlobTransaction blobTx = Transactions.blob(FROM, BigInteger.valueOf(4), TO, BigInteger.TEN,
        BigInteger.valueOf(7), List.of(Transactions.blob(1)));
    // The decoder checks the wrapper version, the commitments against the hashes and every cell proof.
    Transaction tx = TransactionDecoder.decode(blobTx.networkForm());
    assertEquals(TransactionType.BLOB, tx.type());
    assertEquals(Address.fromHex(FROM.getAddress()), tx.sender());
    assertEquals(1, tx.blobVersionedHashes().size());
    assertArrayEquals(blobTx.versionedHashes().get(0), tx.blobVersionedHashes().get(0));
    assertEquals(UInt256.valueOf(7), tx.maxFeePerBlobGas());
  }

  @Test
  void setCodeTransactionCarriesAnAuthorizationOfTheAuthority() {
    Credentials authority = DevAccounts.CAROL;
    Transaction tx = TransactionDecoder.decode(Transactions.setCode(FROM, BigInteger.valueOf(5), TO, BigInteger.ZERO,
        BigInteger.valueOf(100_000), List.of(Transactions.authorization(authority, TO, BigInteger.valueOf(9)))));
    assertEquals(TransactionType.SET_CODE, tx.type());
    assertEquals(Address.fromHex(FROM.getAddress()), tx.sender());
    assertEquals(Address.fromHex(authority.getAddress()),
        AuthorizationSigner.recoverAuthority(tx.authorizationList().get(0)));
    assertEquals(9, tx.authorizationList().get(0).nonce());
    assertEquals(CHAIN, tx.authorizationList().get(0).chainId());
  }
}
