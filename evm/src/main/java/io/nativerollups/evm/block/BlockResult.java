package io.nativerollups.evm.block;

import java.util.List;

/**
 * What executing a block produced: the values its header must carry.
 *
 * @param gasUsed gas used by all transactions
 * @param blobGasUsed blob gas of all transactions
 * @param stateRoot the state root after the block
 * @param receiptsRoot the root of the receipts trie
 * @param logsBloom the union of the receipts' blooms
 * @param requests the EIP-7685 requests (type byte then data, empty ones left out); null before Prague
 * @param requestsHash the EIP-7685 commitment to {@code requests}; null before Prague
 */
public record BlockResult(
    List<Receipt> receipts,
    long gasUsed,
    long blobGasUsed,
    byte[] stateRoot,
    byte[] receiptsRoot,
    byte[] logsBloom,
    List<byte[]> requests,
    byte[] requestsHash) {

  /**
   * Sets on {@code header} the fields execution decides: gas used, state and receipts roots, logs bloom, blob gas
   * used and requests hash.
   *
   * @return {@code header}, for chaining
   */
  public BlockHeader.Builder applyTo(BlockHeader.Builder header) {
    return header
        .gasUsed(gasUsed)
        .stateRoot(stateRoot)
        .receiptsRoot(receiptsRoot)
        .logsBloom(logsBloom)
        .blobGasUsed(blobGasUsed)
        .requestsHash(requestsHash);
  }
}
