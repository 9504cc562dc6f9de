package io.nativerollups.evm.block;

import java.util.List;

/**
 * What executing a valid block produced.
 *
 * @param requests the EIP-7685 requests (type byte then data), empty before Prague
 * @param stateRoot the state root after the block
 */
public record BlockResult(List<Receipt> receipts, long gasUsed, long blobGasUsed, List<byte[]> requests, byte[] stateRoot) {}
