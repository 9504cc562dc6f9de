package io.nativerollups.evm.precompile;

import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;

/**
 * ECRECOVER at 0x01: input {@code hash || v || r || s} (32-byte words, zero-padded to 128
 * bytes), output the signer's address left-padded to 32 bytes. Any invalid signature (v not 27 or
 * 28, r or s out of range, no matching key) gives an empty output, never a failed call.
 */
public final class EcrecoverPrecompile implements PrecompiledContract {
  private static final long GAS = 3000;
  private static final int INPUT_SIZE = 128;
  private static final byte[] EMPTY = new byte[0];

  @Override
  public String name() {
    return "ECREC";
  }

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    byte[] padded = Arrays.copyOf(input, INPUT_SIZE);
    // v is a full word: only 27 and 28 are accepted, so its high 31 bytes must be zero.
    for (int i = 32; i < 63; i++) {
      if (padded[i] != 0) {
        return EMPTY;
      }
    }
    int v = padded[63] & 0xFF;
    if (v != 27 && v != 28) {
      return EMPTY;
    }
    Address signer =
        Secp256k1.recoverAddress(
            Arrays.copyOf(padded, 32),
            v - 27,
            UInt256.fromBytes(padded, 64, 32),
            UInt256.fromBytes(padded, 96, 32));
    if (signer == null) {
      return EMPTY;
    }
    byte[] out = new byte[32];
    System.arraycopy(signer.toArray(), 0, out, 12, Address.SIZE);
    return out;
  }
}
