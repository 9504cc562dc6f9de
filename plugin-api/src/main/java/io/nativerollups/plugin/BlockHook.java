package io.nativerollups.plugin;

import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.state.WorldState;

/**
 * State operations at the start and end of every block, run as system operations (outside any
 * transaction, charging no gas) identically when the node builds a block and when it imports one.
 * They are part of consensus: a node without the hook computes a different state root.
 */
public interface BlockHook {
  /** After the EIP-4788 and EIP-2935 system calls, before the first transaction. */
  default void startBlock(WorldState world, BlockHeader header) {}

  /** After withdrawals and EIP-7685 requests: the block's last state change. */
  default void endBlock(WorldState world, BlockHeader header) {}
}
