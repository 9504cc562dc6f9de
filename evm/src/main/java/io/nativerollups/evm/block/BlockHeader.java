package io.nativerollups.evm.block;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpException;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.ArrayList;
import java.util.List;

/**
 * A block header. The fields added by later forks are null when the header does not carry them:
 * London's base fee, Shanghai's withdrawals root, Cancun's blob gas fields and parent beacon block
 * root, Prague's requests hash. Which of them a fork requires is {@link BlockValidator}'s rule; the
 * codec reads and writes whatever prefix of the field list is present.
 *
 * @param mixHash the post-merge PREVRANDAO value
 * @param nonce 8 bytes, zero after the merge
 */
public record BlockHeader(
    byte[] parentHash,
    byte[] ommersHash,
    Address coinbase,
    byte[] stateRoot,
    byte[] transactionsRoot,
    byte[] receiptsRoot,
    byte[] logsBloom,
    UInt256 difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    byte[] extraData,
    byte[] mixHash,
    byte[] nonce,
    UInt256 baseFeePerGas,
    byte[] withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    byte[] parentBeaconBlockRoot,
    byte[] requestsHash) {

  /** Fields of a header before London. */
  private static final int LEGACY_FIELDS = 15;
  /** Fields of a header with every optional field up to Prague's requests hash. */
  private static final int MAX_FIELDS = 21;
  private static final int NONCE_SIZE = 8;

  /**
   * Decodes an RLP header list.
   *
   * @throws RlpException when the list is not a header: wrong field count, a field of the wrong
   *     shape or size, or a non-canonical integer
   */
  public static BlockHeader decode(RlpItem item) {
    List<RlpItem> f = item.items();
    if (!hasValidFieldCount(f.size())) {
      throw new RlpException("a block header has " + LEGACY_FIELDS + " to " + MAX_FIELDS + " fields, got " + f.size());
    }
    return new BlockHeader(
        f.get(0).asBytes32(),
        f.get(1).asBytes32(),
        FieldFormatException.address(f.get(2), "coinbase"),
        f.get(3).asBytes32(),
        f.get(4).asBytes32(),
        f.get(5).asBytes32(),
        fixed(f.get(6), 256, "logs bloom"),
        f.get(7).asUInt256(),
        FieldFormatException.uint64(f.get(8), "number"),
        FieldFormatException.uint64(f.get(9), "gas limit"),
        FieldFormatException.uint64(f.get(10), "gas used"),
        FieldFormatException.uint64(f.get(11), "timestamp"),
        f.get(12).bytes(),
        f.get(13).asBytes32(),
        fixed(f.get(14), NONCE_SIZE, "nonce"),
        f.size() > 15 ? f.get(15).asUInt256() : null,
        f.size() > 16 ? f.get(16).asBytes32() : null,
        f.size() > 17 ? FieldFormatException.uint64(f.get(17), "blob gas used") : null,
        f.size() > 18 ? FieldFormatException.uint64(f.get(18), "excess blob gas") : null,
        f.size() > 19 ? f.get(19).asBytes32() : null,
        f.size() > 20 ? f.get(20).asBytes32() : null);
  }

  /** Whether a header list of {@code count} fields is one of the known field sets (15 to 21). */
  public static boolean hasValidFieldCount(int count) {
    return count >= LEGACY_FIELDS && count <= MAX_FIELDS;
  }

  /** Decodes an RLP-encoded header. */
  public static BlockHeader decode(byte[] encoded) {
    return decode(Rlp.decode(encoded));
  }

  private static byte[] fixed(RlpItem item, int size, String what) {
    byte[] b = item.bytes();
    if (b.length != size) {
      throw new RlpException(what + " must be " + size + " bytes, got " + b.length);
    }
    return b;
  }

  /**
   * The RLP encoding: the fifteen original fields, then each later field up to the last one
   * present. A null field followed by a present one cannot be encoded.
   */
  public byte[] encode() {
    List<byte[]> f = new ArrayList<>(MAX_FIELDS);
    f.add(Rlp.encodeBytes(parentHash));
    f.add(Rlp.encodeBytes(ommersHash));
    f.add(Rlp.encodeBytes(coinbase.toArray()));
    f.add(Rlp.encodeBytes(stateRoot));
    f.add(Rlp.encodeBytes(transactionsRoot));
    f.add(Rlp.encodeBytes(receiptsRoot));
    f.add(Rlp.encodeBytes(logsBloom));
    f.add(Rlp.encodeUInt256(difficulty));
    f.add(Rlp.encodeLong(number));
    f.add(Rlp.encodeLong(gasLimit));
    f.add(Rlp.encodeLong(gasUsed));
    f.add(Rlp.encodeLong(timestamp));
    f.add(Rlp.encodeBytes(extraData));
    f.add(Rlp.encodeBytes(mixHash));
    f.add(Rlp.encodeBytes(nonce));
    byte[][] optional = {
      baseFeePerGas == null ? null : Rlp.encodeUInt256(baseFeePerGas),
      withdrawalsRoot == null ? null : Rlp.encodeBytes(withdrawalsRoot),
      blobGasUsed == null ? null : Rlp.encodeLong(blobGasUsed),
      excessBlobGas == null ? null : Rlp.encodeLong(excessBlobGas),
      parentBeaconBlockRoot == null ? null : Rlp.encodeBytes(parentBeaconBlockRoot),
      requestsHash == null ? null : Rlp.encodeBytes(requestsHash)
    };
    int present = optional.length;
    while (present > 0 && optional[present - 1] == null) {
      present--;
    }
    for (int i = 0; i < present; i++) {
      if (optional[i] == null) {
        throw new IllegalStateException("header field " + (LEGACY_FIELDS + i) + " is missing but a later one is set");
      }
      f.add(optional[i]);
    }
    return Rlp.encodeList(f);
  }

  /** The block hash: keccak256 of the RLP encoding. */
  public byte[] hash() {
    return Keccak256.hash(encode());
  }

  /** How many fields the encoding has (15 before London, 21 from Prague). */
  public int fieldCount() {
    int count = LEGACY_FIELDS;
    Object[] optional = {baseFeePerGas, withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash};
    for (int i = 0; i < optional.length; i++) {
      if (optional[i] != null) {
        count = LEGACY_FIELDS + i + 1;
      }
    }
    return count;
  }
  /** A builder starting from this header's fields. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a header field by field, e.g. a child header being assembled or a test variant. */
  public static final class Builder {
    private byte[] parentHash;
    private byte[] ommersHash;
    private Address coinbase;
    private byte[] stateRoot;
    private byte[] transactionsRoot;
    private byte[] receiptsRoot;
    private byte[] logsBloom;
    private UInt256 difficulty;
    private long number;
    private long gasLimit;
    private long gasUsed;
    private long timestamp;
    private byte[] extraData;
    private byte[] mixHash;
    private byte[] nonce;
    private UInt256 baseFeePerGas;
    private byte[] withdrawalsRoot;
    private Long blobGasUsed;
    private Long excessBlobGas;
    private byte[] parentBeaconBlockRoot;
    private byte[] requestsHash;

    private Builder(BlockHeader h) {
      parentHash = h.parentHash;
      ommersHash = h.ommersHash;
      coinbase = h.coinbase;
      stateRoot = h.stateRoot;
      transactionsRoot = h.transactionsRoot;
      receiptsRoot = h.receiptsRoot;
      logsBloom = h.logsBloom;
      difficulty = h.difficulty;
      number = h.number;
      gasLimit = h.gasLimit;
      gasUsed = h.gasUsed;
      timestamp = h.timestamp;
      extraData = h.extraData;
      mixHash = h.mixHash;
      nonce = h.nonce;
      baseFeePerGas = h.baseFeePerGas;
      withdrawalsRoot = h.withdrawalsRoot;
      blobGasUsed = h.blobGasUsed;
      excessBlobGas = h.excessBlobGas;
      parentBeaconBlockRoot = h.parentBeaconBlockRoot;
      requestsHash = h.requestsHash;
    }

    public Builder parentHash(byte[] v) { parentHash = v; return this; }
    public Builder ommersHash(byte[] v) { ommersHash = v; return this; }
    public Builder coinbase(Address v) { coinbase = v; return this; }
    public Builder stateRoot(byte[] v) { stateRoot = v; return this; }
    public Builder transactionsRoot(byte[] v) { transactionsRoot = v; return this; }
    public Builder receiptsRoot(byte[] v) { receiptsRoot = v; return this; }
    public Builder logsBloom(byte[] v) { logsBloom = v; return this; }
    public Builder difficulty(UInt256 v) { difficulty = v; return this; }
    public Builder number(long v) { number = v; return this; }
    public Builder gasLimit(long v) { gasLimit = v; return this; }
    public Builder gasUsed(long v) { gasUsed = v; return this; }
    public Builder timestamp(long v) { timestamp = v; return this; }
    public Builder extraData(byte[] v) { extraData = v; return this; }
    public Builder mixHash(byte[] v) { mixHash = v; return this; }
    public Builder nonce(byte[] v) { nonce = v; return this; }
    public Builder baseFeePerGas(UInt256 v) { baseFeePerGas = v; return this; }
    public Builder withdrawalsRoot(byte[] v) { withdrawalsRoot = v; return this; }
    public Builder blobGasUsed(Long v) { blobGasUsed = v; return this; }
    public Builder excessBlobGas(Long v) { excessBlobGas = v; return this; }
    public Builder parentBeaconBlockRoot(byte[] v) { parentBeaconBlockRoot = v; return this; }
    public Builder requestsHash(byte[] v) { requestsHash = v; return this; }

    public BlockHeader build() {
      return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, logsBloom,
          difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFeePerGas,
          withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash);
    }
  }
}
