package io.nativerollups.node.mining;

import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.types.Address;
import java.util.List;

/**
 * What the consensus layer (or the dev-mode producer) asks a new block to carry, as in
 * engine_forkchoiceUpdatedV3's payloadAttributes.
 *
 * @param prevRandao the header's mixHash
 * @param parentBeaconBlockRoot EIP-4788's root for the block's header
 */
public record PayloadAttributes(
    long timestamp,
    byte[] prevRandao,
    Address suggestedFeeRecipient,
    List<Withdrawal> withdrawals,
    byte[] parentBeaconBlockRoot) {}
