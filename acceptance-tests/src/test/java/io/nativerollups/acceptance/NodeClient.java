package io.nativerollups.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** web3j on a node's HTTP endpoint, with the waits the tests need. */
public final class NodeClient implements AutoCloseable {
  private final Web3j web3j;
  private final JsonRpc rpc;

  public NodeClient(NodeProcess node) {
    this.web3j = Web3j.build(new HttpService(node.httpUrl()));
    this.rpc = node.rpc();
  }

  public Web3j web3j() {
    return web3j;
  }

  public JsonRpc rpc() {
    return rpc;
  }

  /** Sends a web3j request; an error answer or an I/O failure fails the test with the node's message. */
  public <T extends Response<?>> T send(Request<?, T> request) {
    try {
      T response = request.send();
      if (response.hasError()) {
        throw new JsonRpc.RpcError(response.getError().getCode(), response.getError().getMessage(), null);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(request.getMethod() + " failed", e);
    }
  }

  /** The account's next nonce, counting its transactions in the pool. */
  public BigInteger pendingNonce(String address) {
    return send(web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)).getTransactionCount();
  }

  public BigInteger balance(String address, DefaultBlockParameter block) {
    return send(web3j.ethGetBalance(address, block)).getBalance();
  }

  public BigInteger balance(String address, BigInteger blockNumber) {
    return balance(address, DefaultBlockParameter.valueOf(blockNumber));
  }

  public String code(String address, DefaultBlockParameter block) {
    return send(web3j.ethGetCode(address, block)).getCode();
  }

  /** The account's nonce in a block's state. */
  public BigInteger nonce(String address, DefaultBlockParameter block) {
    return send(web3j.ethGetTransactionCount(address, block)).getTransactionCount();
  }

  public long blockNumber() {
    return send(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
  }

  public EthBlock.Block block(DefaultBlockParameter block, boolean fullTransactions) {
    return send(web3j.ethGetBlockByNumber(block, fullTransactions)).getBlock();
  }

  public EthBlock.Block block(long number) {
    return block(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false);
  }

  public EthBlock.Block latestBlock() {
    return block(DefaultBlockParameterName.LATEST, false);
  }

  /** Submits a signed transaction; returns its hash, or throws the node's rejection. */
  public String sendRaw(byte[] signed) {
    EthSendTransaction sent = send(web3j.ethSendRawTransaction(Numeric.toHexString(signed)));
    return sent.getTransactionHash();
  }

  /** The rejection of a transaction the node must refuse. */
  public JsonRpc.RpcError rejection(byte[] signed) {
    try {
      EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
      if (!sent.hasError()) {
        throw new AssertionError("node accepted the transaction " + sent.getTransactionHash());
      }
      return new JsonRpc.RpcError(sent.getError().getCode(), sent.getError().getMessage(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the transaction is in a block and returns its receipt. */
  public TransactionReceipt awaitReceipt(String txHash) {
    return Await.until("receipt of " + txHash,
        () -> send(web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt());
  }

  /** Sends one wei from {@code from} to a fresh account and returns the receipt once it is mined. */
  public TransactionReceipt transferOneWei(Credentials from) {
    return awaitReceipt(sendRaw(Transactions.eip1559(
        from, pendingNonce(from.getAddress()), DevAccounts.random().getAddress(), BigInteger.ONE)));
  }

  /** Waits until the head is at least {@code number}. */
  public long awaitBlockNumber(long number) {
    return Await.until("block " + number, () -> {
      long head = blockNumber();
      return head >= number ? Optional.of(head) : Optional.empty();
    });
  }

  /** The chain's current base fee. */
  public BigInteger baseFee() {
    return latestBlock().getBaseFeePerGas();
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
