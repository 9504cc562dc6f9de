package io.nativerollups.evm.block;

/**
 * Where block processing finds the headers of a block's ancestors (its parent for validation and
 * EIP-2935, the 256 most recent for BLOCKHASH): a chain store, or the headers an execution witness
 * carries.
 */
@FunctionalInterface
public interface BlockHeaders {
  /** The header whose hash is {@code hash}, or null when it is not known. */
  BlockHeader byHash(byte[] hash);
}
