package io.nativerollups.node.chain;

/**
 * The outcome of {@link Blockchain#importBlock}, in the Engine API's terms.
 *
 * @param status VALID (stored), INVALID (breaks a rule; {@code reason} says which) or SYNCING
 *     (the parent or its state is not known, so the block could not be checked)
 * @param latestValidHash for INVALID, the hash of the last valid ancestor (the parent); null otherwise
 */
public record ImportResult(Status status, String reason, byte[] latestValidHash) {
  /** Engine API payload statuses an import can give. */
  public enum Status { VALID, INVALID, SYNCING }

  public static ImportResult valid() {
    return new ImportResult(Status.VALID, null, null);
  }

  public static ImportResult invalid(String reason, byte[] latestValidHash) {
    return new ImportResult(Status.INVALID, reason, latestValidHash);
  }

  public static ImportResult syncing(String reason) {
    return new ImportResult(Status.SYNCING, reason, null);
  }
}
