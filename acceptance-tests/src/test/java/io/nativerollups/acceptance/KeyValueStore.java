package io.nativerollups.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The compiled {@code contracts/KeyValueStore.sol} (artifact committed beside its source, checked
 * against solc by {@link ContractArtifactsTest}) and its calls, encoded with web3j's ABI codec.
 */
public final class KeyValueStore {
  /** {@code ValueSet(address indexed writer, uint256 indexed key, uint256 value)}. */
  public static final Event VALUE_SET = new Event("ValueSet", List.of(
      new TypeReference<Address>(true) {}, new TypeReference<Uint256>(true) {}, new TypeReference<Uint256>(false) {}));
  public static final String VALUE_SET_TOPIC = EventEncoder.encode(VALUE_SET);

  /** Gas limit of a {@code set} call: enough for two fresh slots and the log. */
  private static final BigInteger SET_GAS = BigInteger.valueOf(200_000);
  private static final ContractArtifact ARTIFACT = ContractArtifact.load("KeyValueStore");

  private KeyValueStore() {}

  static JsonNode artifact() {
    return ARTIFACT.json();
  }

  /** Creation code. */
  public static String bytecode() {
    return ARTIFACT.bytecode();
  }

  /** What {@code eth_getCode} must return once deployed. */
  public static String deployedBytecode() {
    return ARTIFACT.deployedBytecode();
  }

  /** Deploys the contract from {@code from}, waits until it is mined, and returns its address. */
  public static String deploy(NodeClient client, Credentials from) {
    return ARTIFACT.deploy(client, from);
  }

  /**
   * Calls {@code set(key, value)} on the deployed contract at {@code contract} from {@code from}; returns the
   * receipt once it is mined, which must be a success.
   */
  public static TransactionReceipt set(NodeClient client, Credentials from, String contract, long key, long value) {
    TransactionReceipt receipt = client.awaitReceipt(client.sendRaw(
        setTransaction(from, client.pendingNonce(from.getAddress()), contract, key, value)));
    if (!receipt.isStatusOK()) {
      throw new AssertionError("set(" + key + ", " + value + ") failed: " + receipt);
    }
    return receipt;
  }

  /** A signed type-2 transaction from {@code from} with {@code nonce} calling {@code set(key, value)} on {@code contract}. */
  public static byte[] setTransaction(Credentials from, BigInteger nonce, String contract, long key, long value) {
    return Transactions.eip1559(from, nonce, SET_GAS, contract, BigInteger.ZERO, set(key, value),
        Transactions.PRIORITY_FEE, Transactions.MAX_FEE);
  }

  public static String set(long key, long value) {
    return FunctionEncoder.encode(new Function("set",
        List.of(new Uint256(key), new Uint256(value)), List.of()));
  }

  public static String values(long key) {
    return FunctionEncoder.encode(new Function("values", List.of(new Uint256(key)),
        List.of(new TypeReference<Uint256>() {})));
  }

  public static String writes() {
    return FunctionEncoder.encode(new Function("writes", List.of(), List.of(new TypeReference<Uint256>() {})));
  }

  public static String failWith(String reason) {
    return FunctionEncoder.encode(new Function("failWith", List.of(new Utf8String(reason)), List.of()));
  }

  /** Storage slot of {@code values[key]}: keccak256(key . 0). */
  public static BigInteger valueSlot(long key) {
    byte[] preimage = new byte[64];
    byte[] k = Numeric.toBytesPadded(BigInteger.valueOf(key), 32);
    System.arraycopy(k, 0, preimage, 0, 32);
    return Numeric.toBigInt(Hash.sha3(preimage));
  }

  /** Storage slot of {@code writes}. */
  public static final BigInteger WRITES_SLOT = BigInteger.ONE;
}
