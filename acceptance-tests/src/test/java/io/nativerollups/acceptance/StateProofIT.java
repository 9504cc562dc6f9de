package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.trie.InvalidProofException;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** {@code eth_getProof} answers verified against the block's state root with our own trie code. */
@ExtendWith(PrintNodeLogsOnFailure.class)
class StateProofIT {
  private static NodeProcess node;
  private static NodeClient client;
  private static String contract;
  private static TransactionReceipt write;

  @BeforeAll
  static void startNodeDeployAndWrite() {
    node = NodeProcess.builder("proof").inMemory().start();
    client = new NodeClient(node);
    Credentials from = DevAccounts.ALICE;
    contract = KeyValueStore.deploy(client, from);
    write = KeyValueStore.set(client, from, contract, 3, 0xbeef);
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  @Test
  void contractAccountAndStorageProofsVerifyAgainstTheStateRoot() {
    String block = Numeric.toHexStringWithPrefix(write.getBlockNumber());
    String slot = Numeric.toHexStringWithPrefixZeroPadded(KeyValueStore.valueSlot(3), 64);
    String writesSlot = Numeric.toHexStringWithPrefixZeroPadded(KeyValueStore.WRITES_SLOT, 64);
    String missingSlot = Numeric.toHexStringWithPrefixZeroPadded(KeyValueStore.valueSlot(4), 64);
    JsonNode proof = node.rpc().call("eth_getProof", contract, List.of(slot, writesSlot, missingSlot), block);

    byte[] stateRoot = stateRoot(write.getBlockNumber());
    RlpItem account = verifiedAccount(stateRoot, contract, proof);
    assertEquals(1, account.items().get(0).asLong(), "a contract's nonce starts at 1");
    assertArrayEquals(Keccak256.hash(Numeric.hexStringToByteArray(KeyValueStore.deployedBytecode())),
        account.items().get(3).bytes(), "code hash of the deployed code");

    byte[] storageRoot = account.items().get(2).bytes();
    JsonNode storageProofs = proof.get("storageProof");
    assertEquals(3, storageProofs.size());
    assertEquals(BigInteger.valueOf(0xbeef), verifiedSlot(storageRoot, storageProofs.get(0)));
    assertEquals(BigInteger.ONE, verifiedSlot(storageRoot, storageProofs.get(1)), "one write so far");
    assertEquals(BigInteger.ZERO, verifiedSlot(storageRoot, storageProofs.get(2)), "an unwritten slot is proven empty");
  }

  @Test
  void externallyOwnedAccountProofMatchesBalanceAndNonce() {
    String sender = DevAccounts.ALICE.getAddress();
    String block = Numeric.toHexStringWithPrefix(write.getBlockNumber());
    JsonNode proof = node.rpc().call("eth_getProof", sender, List.of(), block);

    RlpItem account = verifiedAccount(stateRoot(write.getBlockNumber()), sender, proof);
    assertEquals(2, account.items().get(0).asLong(), "deployment and one call");
    assertEquals(client.balance(sender, write.getBlockNumber()), account.items().get(1).asUInt256().toBigInteger());
    assertArrayEquals(Keccak256.EMPTY, account.items().get(3).bytes());
    assertArrayEquals(Keccak256.EMPTY_TRIE_ROOT, account.items().get(2).bytes());
  }

  @Test
  void absentAccountIsProvenAbsent() {
    String nobody = DevAccounts.random().getAddress();
    JsonNode proof = node.rpc().call("eth_getProof", nobody, List.of(), "latest");
    byte[] stateRoot = Numeric.hexStringToByteArray(client.latestBlock().getStateRoot());

    assertNull(MerklePatriciaTrie.verifyProof(stateRoot, Keccak256.hash(Numeric.hexStringToByteArray(nobody)),
        nodes(proof.get("accountProof"))), "exclusion proof");
    assertEquals(BigInteger.ZERO, Numeric.decodeQuantity(proof.get("balance").asText()));
    assertEquals(BigInteger.ZERO, Numeric.decodeQuantity(proof.get("nonce").asText()));
  }

  @Test
  void proofDoesNotVerifyAgainstAnotherStateRoot() {
    String sender = DevAccounts.ALICE.getAddress();
    JsonNode proof = node.rpc().call("eth_getProof", sender, List.of(),
        Numeric.toHexStringWithPrefix(write.getBlockNumber()));
    byte[] genesisRoot = stateRoot(BigInteger.ZERO);
    assertThrows(InvalidProofException.class, () -> MerklePatriciaTrie.verifyProof(genesisRoot,
        Keccak256.hash(Numeric.hexStringToByteArray(sender)), nodes(proof.get("accountProof"))));
  }

  /** Verifies the account proof and checks the JSON fields against the proven account. */
  private static RlpItem verifiedAccount(byte[] stateRoot, String address, JsonNode proof) {
    byte[] value = MerklePatriciaTrie.verifyProof(stateRoot, Keccak256.hash(Numeric.hexStringToByteArray(address)),
        nodes(proof.get("accountProof")));
    assertTrue(value != null, "account proven present");
    RlpItem account = Rlp.decode(value);
    assertEquals(4, account.items().size(), "[nonce, balance, storageRoot, codeHash]");
    assertEquals(address, proof.get("address").asText().toLowerCase());
    assertEquals(account.items().get(0).asLong(), Numeric.decodeQuantity(proof.get("nonce").asText()).longValueExact());
    assertEquals(account.items().get(1).asUInt256().toBigInteger(), Numeric.decodeQuantity(proof.get("balance").asText()));
    assertEquals(Numeric.toHexString(account.items().get(2).bytes()), proof.get("storageHash").asText());
    assertEquals(Numeric.toHexString(account.items().get(3).bytes()), proof.get("codeHash").asText());
    return account;
  }

  /** Verifies one storage proof and returns the proven value (0 when proven absent), checked against {@code value}. */
  private static BigInteger verifiedSlot(byte[] storageRoot, JsonNode storageProof) {
    byte[] key = Numeric.toBytesPadded(Numeric.toBigInt(storageProof.get("key").asText()), 32);
    byte[] stored = MerklePatriciaTrie.verifyProof(storageRoot, Keccak256.hash(key), nodes(storageProof.get("proof")));
    BigInteger proven = stored == null ? BigInteger.ZERO : new BigInteger(1, Rlp.decode(stored).bytes());
    assertEquals(proven, Numeric.decodeQuantity(storageProof.get("value").asText()), "value field of " + storageProof.get("key"));
    return proven;
  }

  private static byte[] stateRoot(BigInteger blockNumber) {
    EthBlock.Block block = client.block(blockNumber.longValueExact());
    return Numeric.hexStringToByteArray(block.getStateRoot());
  }

  private static List<byte[]> nodes(JsonNode hexArray) {
    List<byte[]> nodes = new ArrayList<>();
    hexArray.forEach(n -> nodes.add(Numeric.hexStringToByteArray(n.asText())));
    return nodes;
  }
}
