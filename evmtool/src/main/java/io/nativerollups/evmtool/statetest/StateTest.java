package io.nativerollups.evmtool.statetest;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;
import java.util.Map;

/**
 * One named test of a state-test fixture file: a block environment, a pre-state, a transaction
 * template (arrays of data, gas limits and values) and, per fork, the expected outcomes of the
 * index combinations.
 *
 * @param chainId the chain the transaction is signed for and CHAINID answers: execution-spec-tests'
 *     {@code config.chainid}, else 1
 */
public record StateTest(
    String name,
    long chainId,
    Environment env,
    Map<Address, PreAccount> pre,
    TransactionTemplate transaction,
    Map<String, List<PostState>> post) {

  /** The block values of {@code env}. */
  public record Environment(
      Address coinbase,
      long number,
      long timestamp,
      long gasLimit,
      UInt256 baseFee,
      byte[] prevRandao,
      long excessBlobGas) {}

  /** An account of {@code pre}. */
  public record PreAccount(long nonce, UInt256 balance, byte[] code, Map<UInt256, UInt256> storage) {}

  /**
   * One expected outcome of {@code post[fork]}: the transaction built from the given indexes must
   * lead to state root {@code hash} and logs hash {@code logsHash}, or be rejected when {@code
   * expectException} is set.
   */
  public record PostState(
      int dataIndex, int gasIndex, int valueIndex, byte[] hash, byte[] logsHash, String expectException) {}
}
