package io.nativerollups.evm.block;

import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;

/**
 * An EIP-4895 withdrawal from the beacon chain: {@code amountGwei} is credited to {@code address}
 * after the block's transactions.
 *
 * @param index the withdrawal's sequence number, unsigned 64-bit
 * @param validatorIndex unsigned 64-bit
 * @param amountGwei unsigned 64-bit, in gwei (1e9 wei)
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  private static final UInt256 WEI_PER_GWEI = UInt256.valueOf(1_000_000_000L);

  /** Decodes {@code [index, validatorIndex, address, amount]}. */
  public static Withdrawal decode(RlpItem item) {
    List<RlpItem> f = item.items();
    if (f.size() != 4) {
      throw new RlpException("a withdrawal has 4 fields, got " + f.size());
    }
    return new Withdrawal(FieldFormatException.uint64(f.get(0), "withdrawal index"),
        FieldFormatException.uint64(f.get(1), "validator index"), FieldFormatException.address(f.get(2), "withdrawal address"),
        FieldFormatException.uint64(f.get(3), "withdrawal amount"));
  }

  public byte[] encode() {
    return Rlp.encodeList(
        Rlp.encodeLong(index), Rlp.encodeLong(validatorIndex), Rlp.encodeBytes(address.toArray()), Rlp.encodeLong(amountGwei));
  }

  /** The amount in wei. */
  public UInt256 amountWei() {
    return UInt256.of(0, 0, 0, amountGwei).multiply(WEI_PER_GWEI);
  }
}
