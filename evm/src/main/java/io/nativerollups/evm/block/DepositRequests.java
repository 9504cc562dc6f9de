package io.nativerollups.evm.block;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.Log;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * EIP-6110: deposit requests are the {@code DepositEvent} logs of the deposit contract, each
 * reduced to {@code pubkey ++ withdrawal_credentials ++ amount ++ signature ++ index}.
 */
final class DepositRequests {
  static final byte[] DEPOSIT_EVENT_SIGNATURE_HASH =
      HexFormat.of().parseHex("649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5");
  /** The ABI layout of the event data: five offsets, then each dynamic field's length and padded bytes. */
  private static final int EVENT_DATA_LENGTH = 576;
  private static final int[][] FIELDS = { // offset, size
    {160, 48}, {256, 32}, {320, 8}, {384, 96}, {512, 8}
  };

  private final Address depositContract;
  private final ByteArrayOutputStream requests = new ByteArrayOutputStream();

  DepositRequests(Address depositContract) {
    this.depositContract = depositContract;
  }

  /** Adds the deposits among {@code log}. */
  void add(Log log) throws InvalidBlockException {
    if (!log.address().equals(depositContract) || log.topics().isEmpty()
        || !Arrays.equals(log.topics().get(0), DEPOSIT_EVENT_SIGNATURE_HASH)) {
      return;
    }
    byte[] data = log.data();
    if (data.length != EVENT_DATA_LENGTH) {
      throw layout("event data of " + data.length + " bytes, expected " + EVENT_DATA_LENGTH);
    }
    for (int i = 0; i < FIELDS.length; i++) {
      if (word(data, 32 * i) != FIELDS[i][0]) {
        throw layout("field " + i + " offset is not " + FIELDS[i][0]);
      }
    }
    for (int[] field : FIELDS) {
      if (word(data, field[0]) != field[1]) {
        throw layout("field at " + field[0] + " has size other than " + field[1]);
      }
      requests.write(data, field[0] + 32, field[1]);
    }
  }

  /** The concatenated deposit requests so far. */
  byte[] data() {
    return requests.toByteArray();
  }

  /** A 32-byte big-endian word as a long, or -1 when it does not fit in 63 bits. */
  private static long word(byte[] data, int offset) {
    for (int i = offset; i < offset + 24; i++) {
      if (data[i] != 0) {
        return -1;
      }
    }
    long v = 0;
    for (int i = offset + 24; i < offset + 32; i++) {
      v = (v << 8) | (data[i] & 0xFF);
    }
    return v;
  }

  private static InvalidBlockException layout(String detail) {
    return new InvalidBlockException(BlockError.INVALID_DEPOSIT_EVENT_LAYOUT, "deposit event: " + detail);
  }
}
