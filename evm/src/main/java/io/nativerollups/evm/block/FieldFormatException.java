package io.nativerollups.evm.block;

import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.types.Address;

/**
 * A block field whose RLP is well formed but too wide for its type: a 64-bit integer of more than
 * 8 bytes, an address of other than 20 bytes. Block decoding reports it as its own error rather
 * than as a generic structure error.
 */
final class FieldFormatException extends RlpException {
  private final BlockError error;

  private FieldFormatException(BlockError error, String message) {
    super(message);
    this.error = error;
  }

  BlockError error() {
    return error;
  }

  /** A canonical unsigned integer of at most 8 bytes. */
  static long uint64(RlpItem item, String field) {
    if (!item.isList() && item.bytes().length > 8) {
      throw new FieldFormatException(BlockError.RLP_INVALID_FIELD_OVERFLOW_64,
          field + " is " + item.bytes().length + " bytes, more than 64 bits");
    }
    return item.asLong();
  }

  /** A string of exactly 20 bytes. */
  static Address address(RlpItem item, String field) {
    if (!item.isList() && item.bytes().length != Address.SIZE) {
      throw new FieldFormatException(BlockError.RLP_INVALID_ADDRESS,
          field + " is " + item.bytes().length + " bytes, not an address");
    }
    return item.asAddress();
  }
}
