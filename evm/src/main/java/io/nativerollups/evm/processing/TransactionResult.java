package io.nativerollups.evm.processing;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.Log;
import java.util.List;

/**
 * The outcome of one transaction.
 *
 * @param valid false if the transaction was rejected without touching state
 * @param invalidReason why it was rejected; null when valid
 * @param success true if the top-level message ended without REVERT or exceptional halt
 * @param gasUsed gas charged to the sender after refunds and the EIP-7623 floor
 * @param logs logs emitted (empty unless successful)
 * @param output return data of a call, revert data, or the deployed code of a creation
 * @param createdAddress the new contract of a successful creation; null otherwise
 * @param haltReason why the top-level message halted exceptionally (e.g. "out of gas"); null when
 *     it succeeded or reverted
 */
public record TransactionResult(
    boolean valid,
    String invalidReason,
    boolean success,
    long gasUsed,
    List<Log> logs,
    byte[] output,
    Address createdAddress,
    String haltReason) {

  /** A rejected transaction. */
  public static TransactionResult invalid(String reason) {
    return new TransactionResult(false, reason, false, 0, List.of(), new byte[0], null, null);
  }
}
