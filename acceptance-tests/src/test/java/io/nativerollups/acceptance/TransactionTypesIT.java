package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web3j.protocol.core.DefaultBlockParameterName.LATEST;

import io.nativerollups.evm.tx.Authorization;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A value transfer of each transaction type without blobs (0, 1, 2, 4), signed like a wallet and
 * mined by the dev node; type 3 is in {@link BlobTransactionIT}.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class TransactionTypesIT {
  private static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
  private static NodeProcess node;
  private static NodeClient client;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.builder("tx-types").inMemory().start();
    client = new NodeClient(node);
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  @Test
  void legacyTransferIsMinedAndMovesValueAndFee() {
    String to = freshAddress();
    Credentials from = DevAccounts.ALICE;
    String hash = client.sendRaw(Transactions.legacy(from, client.pendingNonce(from.getAddress()), to, ONE_ETHER));
    TransactionReceipt receipt = client.awaitReceipt(hash);

    assertMinedTransfer(receipt, 0, from, to, ONE_ETHER);
    Transaction tx = client.send(client.web3j().ethGetTransactionByHash(hash)).getTransaction().orElseThrow();
    assertEquals(Transactions.GAS_PRICE, tx.getGasPrice());
    assertEquals(DevAccounts.CHAIN_ID, tx.getChainId(), "EIP-155 chain id");
  }

  @Test
  void accessListTransferPaysForItsAccessList() {
    String to = freshAddress();
    Credentials from = DevAccounts.BOB;
    List<AccessListObject> accessList = List.of(new AccessListObject(to, List.of(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.ONE, 64))));
    String hash = client.sendRaw(Transactions.accessList(
        from, client.pendingNonce(from.getAddress()), to, ONE_ETHER, accessList, BigInteger.valueOf(30_000)));
    TransactionReceipt receipt = client.awaitReceipt(hash);

    assertMinedTransfer(receipt, 1, from, to, ONE_ETHER);
    // EIP-2930: 2400 per address and 1900 per storage key on top of the 21000 base.
    assertEquals(BigInteger.valueOf(21_000 + 2_400 + 1_900), receipt.getGasUsed());
    Transaction tx = client.send(client.web3j().ethGetTransactionByHash(hash)).getTransaction().orElseThrow();
    assertEquals(1, tx.getAccessList().size());
    assertEquals(to, tx.getAccessList().get(0).getAddress());
  }

  @Test
  void eip1559TransferPaysBaseFeePlusTip() {
    String to = freshAddress();
    Credentials from = DevAccounts.CAROL;
    String hash = client.sendRaw(Transactions.eip1559(from, client.pendingNonce(from.getAddress()), to, ONE_ETHER));
    TransactionReceipt receipt = client.awaitReceipt(hash);

    assertMinedTransfer(receipt, 2, from, to, ONE_ETHER);
    EthBlock.Block block = client.block(receipt.getBlockNumber().longValueExact());
    BigInteger expectedPrice = Transactions.MAX_FEE.min(block.getBaseFeePerGas().add(Transactions.PRIORITY_FEE));
    assertEquals(expectedPrice, Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
  }

  @Test
  void setCodeTransactionDelegatesTheAuthorityAndTransfers() {
    String to = freshAddress();
    Credentials from = DevAccounts.ALICE;
    Credentials authority = DevAccounts.random();
    String delegate = "0x00000000000000000000000000000000000c0de1";
    Authorization authorization = Transactions.authorization(authority, delegate, BigInteger.ZERO);
    String hash = client.sendRaw(Transactions.setCode(from, client.pendingNonce(from.getAddress()), to, ONE_ETHER,
        BigInteger.valueOf(100_000), List.of(authorization)));
    TransactionReceipt receipt = client.awaitReceipt(hash);

    assertMinedTransfer(receipt, 4, from, to, ONE_ETHER);
    String code = client.code(authority.getAddress(), LATEST);
    assertEquals("0xef0100" + delegate.substring(2), code, "EIP-7702 delegation indicator");
    assertEquals(BigInteger.ONE, client.nonce(authority.getAddress(), LATEST), "the authorization bumps the authority's nonce");
  }

  /**
   * Checks the receipt of a transfer of {@code value} from {@code from} to a fresh account: success,
   * type, and both balances across the block (the sender has nothing else in it).
   */
  private static void assertMinedTransfer(TransactionReceipt receipt, int type, Credentials from, String to,
      BigInteger value) {
    assertTrue(receipt.isStatusOK(), "status " + receipt.getStatus());
    assertEquals(type, Numeric.decodeQuantity(receipt.getType()).intValueExact(), "receipt type");
    assertEquals(from.getAddress(), receipt.getFrom());
    assertEquals(to, receipt.getTo());
    BigInteger block = receipt.getBlockNumber();
    assertEquals(value, client.balance(to, block), "recipient balance");
    BigInteger fee = receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    BigInteger spent = client.balance(from.getAddress(), block.subtract(BigInteger.ONE))
        .subtract(client.balance(from.getAddress(), block));
    assertEquals(value.add(fee), spent, "sender pays value + gas used * effective gas price");
    EthBlock.Block mined = client.block(block.longValueExact());
    assertEquals(receipt.getBlockHash(), mined.getHash());
    assertTrue(mined.getTransactions().stream().anyMatch(t -> receipt.getTransactionHash().equals(t.get())));
  }

  private static String freshAddress() {
    return DevAccounts.random().getAddress();
  }
}
