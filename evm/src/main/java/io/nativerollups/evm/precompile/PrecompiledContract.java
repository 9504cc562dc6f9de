package io.nativerollups.evm.precompile;

/**
 * A precompiled contract. The EVM charges {@link #gasRequirement} first; if the caller has
 * enough gas it calls {@link #compute}. A null output means the call fails: it returns 0 and
 * consumes all gas given to it.
 */
public interface PrecompiledContract {

  /**
   * The contract's name as EIP-7910 (eth_config) lists it, such as "ECREC" or "BN254_ADD"; also
   * used in logs and halt reasons.
   */
  String name();

  /** Gas this input costs; {@code Long.MAX_VALUE} when the price overflows. */
  long gasRequirement(byte[] input);

  /** The output, or null if the input is invalid. Must not modify {@code input}. */
  byte[] compute(byte[] input);
}
