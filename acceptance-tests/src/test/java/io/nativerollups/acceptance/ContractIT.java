package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web3j.protocol.core.DefaultBlockParameterName.LATEST;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A contract compiled with solc, deployed and called over JSON-RPC: code, storage, calls, reverts,
 * gas estimates, receipts with logs and log queries, and an account delegated to it (EIP-7702).
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class ContractIT {
  private static final BigInteger CALL_GAS = BigInteger.valueOf(200_000);
  private static NodeProcess node;
  private static NodeClient client;
  private static String contract;

  @BeforeAll
  static void startNodeAndDeploy() {
    node = NodeProcess.builder("contract").inMemory().start();
    client = new NodeClient(node);
    contract = KeyValueStore.deploy(client, DevAccounts.ALICE);
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  @Test
  void deployedCodeIsTheCompiledRuntimeCode() {
    assertEquals(KeyValueStore.deployedBytecode(), client.code(contract, LATEST));
  }

  @Test
  void transactionWritesStorageAndEmitsItsEventInTheReceipt() {
    Credentials from = DevAccounts.BOB;
    TransactionReceipt receipt = call(from, contract, KeyValueStore.set(7, 42));

    assertTrue(receipt.isStatusOK());
    assertEquals(1, receipt.getLogs().size());
    Log log = receipt.getLogs().get(0);
    assertEquals(contract, log.getAddress());
    assertEquals(List.of(KeyValueStore.VALUE_SET_TOPIC, topic(from.getAddress()), topic(7)), log.getTopics());
    assertEquals(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(42), 64), log.getData());
    assertEquals(receipt.getTransactionHash(), log.getTransactionHash());
    assertEquals(receipt.getBlockHash(), log.getBlockHash());
    assertFalse(new BigInteger(1, Numeric.hexStringToByteArray(receipt.getLogsBloom())).signum() == 0,
        "the logs bloom has the log's bits");

    DefaultBlockParameter atBlock = DefaultBlockParameter.valueOf(receipt.getBlockNumber());
    assertEquals(BigInteger.valueOf(42), Numeric.toBigInt(
        client.send(client.web3j().ethGetStorageAt(contract, KeyValueStore.valueSlot(7), atBlock)).getData()));
    assertEquals(BigInteger.valueOf(42), callUint(KeyValueStore.values(7), atBlock));
  }

  @Test
  void getLogsFiltersByBlockRangeAddressAndTopic() {
    TransactionReceipt first = call(DevAccounts.CAROL, contract, KeyValueStore.set(100, 1));
    TransactionReceipt second = call(DevAccounts.CAROL, contract, KeyValueStore.set(101, 2));

    EthFilter byKey = new EthFilter(DefaultBlockParameter.valueOf(first.getBlockNumber()),
        DefaultBlockParameter.valueOf(second.getBlockNumber()), contract);
    byKey.addSingleTopic(KeyValueStore.VALUE_SET_TOPIC);
    byKey.addNullTopic();
    byKey.addSingleTopic(topic(101));
    List<EthLog.LogResult> logs = client.send(client.web3j().ethGetLogs(byKey)).getLogs();
    assertEquals(1, logs.size(), "only the write of key 101: " + logs);
    Log log = (Log) logs.get(0).get();
    assertEquals(second.getTransactionHash(), log.getTransactionHash());
    assertEquals(second.getBlockNumber(), log.getBlockNumber());

    EthFilter otherAddress = new EthFilter(DefaultBlockParameter.valueOf(first.getBlockNumber()),
        DefaultBlockParameter.valueOf(second.getBlockNumber()), DevAccounts.random().getAddress());
    assertTrue(client.send(client.web3j().ethGetLogs(otherAddress)).getLogs().isEmpty());
  }

  @Test
  void estimatedGasIsEnoughAndCallSeesTheNewValue() {
    Credentials from = DevAccounts.DAVE;
    BigInteger estimate = client.send(client.web3j().ethEstimateGas(
        Transaction.createEthCallTransaction(
            from.getAddress(), contract, KeyValueStore.set(5, 55)))).getAmountUsed();
    assertTrue(estimate.compareTo(BigInteger.valueOf(21_000 + 20_000)) > 0, "a fresh storage slot costs 20000: " + estimate);

    String hash = client.sendRaw(Transactions.eip1559(from, client.pendingNonce(from.getAddress()), estimate,
        contract, BigInteger.ZERO, KeyValueStore.set(5, 55), Transactions.PRIORITY_FEE, Transactions.MAX_FEE));
    TransactionReceipt receipt = client.awaitReceipt(hash);
    assertTrue(receipt.isStatusOK(), "a transaction with the estimated gas succeeds");
    assertTrue(receipt.getGasUsed().compareTo(estimate) <= 0);
    assertEquals(BigInteger.valueOf(55), callUint(KeyValueStore.values(5), LATEST));
  }

  @Test
  void revertingCallIsReportedWithItsReason() {
    JsonRpc.RpcError error = assertThrows(JsonRpc.RpcError.class, () -> node.rpc().call("eth_call",
        java.util.Map.of("to", contract, "data", KeyValueStore.failWith("no luck")), "latest"));
    // execution-apis: a revert is error 3 with the revert data; Error(string) carries the reason.
    assertEquals(3, error.code(), error.getMessage());
    assertTrue(error.getMessage().contains("no luck"), error.getMessage());
    assertTrue(error.data().asText().startsWith("0x08c379a0"), "Error(string) revert data: " + error.data());
  }

  @Test
  void revertingTransactionIsMinedWithFailedStatus() {
    Credentials from = DevAccounts.ALICE;
    TransactionReceipt receipt = call(from, contract, KeyValueStore.failWith("mined anyway"));
    assertFalse(receipt.isStatusOK(), "status " + receipt.getStatus());
    assertTrue(receipt.getLogs().isEmpty());
    assertTrue(receipt.getGasUsed().compareTo(BigInteger.valueOf(21_000)) > 0);
  }

  @Test
  void accountDelegatedToTheContractRunsItsCodeOnItsOwnStorage() {
    Credentials authority = DevAccounts.random();
    Credentials sponsor = DevAccounts.BOB;
    // The delegation is set before the call runs, so the same transaction already runs the contract's code.
    String hash = client.sendRaw(Transactions.setCode(sponsor, client.pendingNonce(sponsor.getAddress()),
        authority.getAddress(), BigInteger.ZERO, KeyValueStore.set(9, 99), CALL_GAS,
        List.of(Transactions.authorization(authority, contract, BigInteger.ZERO))));
    TransactionReceipt receipt = client.awaitReceipt(hash);
    assertTrue(receipt.isStatusOK(), "status " + receipt.getStatus());
    assertEquals("0xef0100" + contract.substring(2), client.code(authority.getAddress(), LATEST));
    assertEquals(authority.getAddress(), receipt.getLogs().get(0).getAddress(), "the event comes from the delegated account");
    assertEquals(BigInteger.valueOf(99), Numeric.toBigInt(client.send(client.web3j().ethGetStorageAt(
        authority.getAddress(), KeyValueStore.valueSlot(9), LATEST)).getData()));
    assertEquals(BigInteger.ZERO, Numeric.toBigInt(client.send(client.web3j().ethGetStorageAt(
        contract, KeyValueStore.valueSlot(9), LATEST)).getData()), "the contract's own storage is untouched");
  }

  /** Sends a type-2 call with a fixed gas limit and waits for its receipt. */
  static TransactionReceipt call(Credentials from, String to, String data) {
    String hash = client.sendRaw(Transactions.eip1559(from, client.pendingNonce(from.getAddress()), CALL_GAS,
        to, BigInteger.ZERO, data, Transactions.PRIORITY_FEE, Transactions.MAX_FEE));
    return client.awaitReceipt(hash);
  }

  private static BigInteger callUint(String data, DefaultBlockParameter block) {
    String result = client.send(client.web3j().ethCall(
        Transaction.createEthCallTransaction(null, contract, data),
        block)).getValue();
    return Numeric.toBigInt(result);
  }

  private static String topic(String address) {
    return "0x" + TypeEncoder.encode(new Address(address));
  }

  private static String topic(long value) {
    return Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(value), 64);
  }
}
