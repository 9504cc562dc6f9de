package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** A blob transaction (type 3) in the Osaka network form, sent over RPC and mined by the dev node. */
@ExtendWith(PrintNodeLogsOnFailure.class)
class BlobTransactionIT {
  private static final BigInteger BLOB_GAS_PER_BLOB = BigInteger.valueOf(131_072);
  private static NodeProcess node;
  private static NodeClient client;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.builder("blob").inMemory().start();
    client = new NodeClient(node);
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  @Test
  void blobTransferPaysBlobGasAndIsCountedInTheBlock() {
    String to = DevAccounts.random().getAddress();
    Credentials from = DevAccounts.DAVE;
    BigInteger value = BigInteger.TEN.pow(18);
    Transactions.BlobTransaction blobTx = Transactions.blob(from, client.pendingNonce(from.getAddress()), to,
        value, Transactions.MAX_FEE, List.of(Transactions.blob(1)));
    TransactionReceipt receipt = client.awaitReceipt(client.sendRaw(blobTx.networkForm()));

    assertTrue(receipt.isStatusOK(), "status " + receipt.getStatus());
    assertEquals(3, Numeric.decodeQuantity(receipt.getType()).intValueExact());
    assertEquals(BLOB_GAS_PER_BLOB, Numeric.decodeQuantity(receipt.getBlobGasUsed()));
    BigInteger block = receipt.getBlockNumber();
    assertEquals(value, client.balance(to, block));
    BigInteger fee = receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()))
        .add(BLOB_GAS_PER_BLOB.multiply(Numeric.decodeQuantity(receipt.getBlobGasPrice())));
    assertEquals(value.add(fee), client.balance(from.getAddress(), block.subtract(BigInteger.ONE))
        .subtract(client.balance(from.getAddress(), block)), "value + execution gas + blob gas");
    EthBlock.Block mined = client.block(block.longValueExact());
    assertEquals(BLOB_GAS_PER_BLOB, mined.getBlobGasUsed());
    Transaction tx = client.send(client.web3j().ethGetTransactionByHash(receipt.getTransactionHash()))
        .getTransaction().orElseThrow();
    assertEquals(blobTx.versionedHashes().stream().map(Numeric::toHexString).toList(), tx.getBlobVersionedHashes());
  }
}
