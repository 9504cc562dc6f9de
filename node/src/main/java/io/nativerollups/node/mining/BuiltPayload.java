package io.nativerollups.node.mining;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.types.UInt256;
import java.util.List;

/**
 * A block the builder produced, with what engine_getPayload returns beside it.
 *
 * @param blockValue the fees paid to the fee recipient (sum of gas used times effective tip), in wei
 * @param executionRequests the EIP-7685 requests (type byte then data), empty before Prague
 * @param sidecars the sidecars of the block's blob transactions, in block order (engine_getPayload's
 *     blobsBundle); the block itself holds only their canonical forms
 */
public record BuiltPayload(Block block, UInt256 blockValue, List<byte[]> executionRequests, List<BlobSidecar> sidecars) {
  public BuiltPayload {
    sidecars = List.copyOf(sidecars);
  }

  /** A payload without blob transactions. */
  public BuiltPayload(Block block, UInt256 blockValue, List<byte[]> executionRequests) {
    this(block, blockValue, executionRequests, List.of());
  }
}
