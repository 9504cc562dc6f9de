package io.nativerollups.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A compiled contract of {@code src/test/resources/contracts} (artifact committed beside its
 * source, checked against solc by {@link ContractArtifactsTest}): its ABI and code, and deploying it.
 */
public record ContractArtifact(JsonNode json) {
  private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(1_000_000);

  /** Reads {@code contracts/<name>.json} from the test resources. */
  public static ContractArtifact load(String name) {
    String path = "/contracts/" + name + ".json";
    try (InputStream in = ContractArtifact.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " missing from the test resources");
      }
      return new ContractArtifact(JsonRpc.JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creation code. */
  public String bytecode() {
    return json.get("bytecode").asText();
  }

  /** What {@code eth_getCode} must return once deployed. */
  public String deployedBytecode() {
    return json.get("deployedBytecode").asText();
  }

  /** Deploys the contract from {@code from}, waits until it is mined, and returns its address. */
  public String deploy(NodeClient client, Credentials from) {
    TransactionReceipt receipt = client.awaitReceipt(client.sendRaw(Transactions.eip1559(from,
        client.pendingNonce(from.getAddress()), DEPLOY_GAS, null, BigInteger.ZERO, bytecode(),
        Transactions.PRIORITY_FEE, Transactions.MAX_FEE)));
    if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
      throw new AssertionError("deployment failed: " + receipt);
    }
    return receipt.getContractAddress();
  }
}
