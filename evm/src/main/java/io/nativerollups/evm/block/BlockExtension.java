package io.nativerollups.evm.block;

import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import java.util.Map;

/**
 * What a chain adds to the standard block rules (the node's plugins): precompiles active from a
 * block time on, and system operations at the start and end of every block. {@link BlockProcessor}
 * applies them identically whether a block is being built or imported, so they are consensus.
 *
 * <p>The start and end operations write the state outside any transaction: their changes are no
 * EIP-161 touches, so an account holding only storage (no code, nonce or balance) survives them.
 */
public interface BlockExtension {
  /** No additions: the standard rules. */
  BlockExtension NONE = new BlockExtension() {};

  /**
   * Precompiles added (or replacing the fork's) in a block with {@code timestamp}. Return the same
   * instances for the same set, so the processor can reuse the EVM it built for them.
   */
  default Map<Address, PrecompiledContract> precompiles(long timestamp) {
    return Map.of();
  }

  /** Runs after the EIP-4788 and EIP-2935 system calls, before the first transaction. */
  default void startBlock(WorldState world, BlockHeader header) {}

  /** Runs after the withdrawals and EIP-7685 requests, the block's last state change. */
  default void endBlock(WorldState world, BlockHeader header) {}
}
