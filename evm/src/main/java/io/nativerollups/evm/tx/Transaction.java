package io.nativerollups.evm.tx;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;
import java.util.Objects;

/**
 * A transaction of any supported type. Fields that a type lacks are null (or empty lists).
 * {@code nonce} and {@code gasLimit} are unsigned 64-bit values held in longs. The sender is
 * either recovered from the signature by the codec or, for tests that carry a secret key, given.
 */
public final class Transaction {
  private final TransactionType type;
  private final UInt256 chainId;
  private final long nonce;
  private final UInt256 gasPrice;
  private final UInt256 maxPriorityFeePerGas;
  private final UInt256 maxFeePerGas;
  private final long gasLimit;
  private final Address to;
  private final UInt256 value;
  private final byte[] data;
  private final List<AccessListEntry> accessList;
  private final UInt256 maxFeePerBlobGas;
  private final List<byte[]> blobVersionedHashes;
  private final List<Authorization> authorizationList;
  private final UInt256 v;
  private final UInt256 r;
  private final UInt256 s;
  private final Address sender;

  private Transaction(Builder b) {
    this.type = Objects.requireNonNull(b.type, "type");
    this.chainId = b.chainId;
    this.nonce = b.nonce;
    this.gasPrice = b.gasPrice;
    this.maxPriorityFeePerGas = b.maxPriorityFeePerGas;
    this.maxFeePerGas = b.maxFeePerGas;
    this.gasLimit = b.gasLimit;
    this.to = b.to;
    this.value = b.value == null ? UInt256.ZERO : b.value;
    this.data = b.data == null ? new byte[0] : b.data;
    this.accessList = b.accessList == null ? List.of() : List.copyOf(b.accessList);
    this.maxFeePerBlobGas = b.maxFeePerBlobGas;
    this.blobVersionedHashes = b.blobVersionedHashes == null ? List.of() : List.copyOf(b.blobVersionedHashes);
    this.authorizationList = b.authorizationList == null ? List.of() : List.copyOf(b.authorizationList);
    this.v = b.v;
    this.r = b.r;
    this.s = b.s;
    this.sender = b.sender;
  }

  public static Builder builder(TransactionType type) {
    return new Builder(type);
  }

  public TransactionType type() { return type; }

  /** Chain id; null for a legacy transaction signed without EIP-155. */
  public UInt256 chainId() { return chainId; }

  public long nonce() { return nonce; }

  /** Gas price of types 0 and 1; null otherwise. */
  public UInt256 gasPrice() { return gasPrice; }

  /** EIP-1559 tip cap; for types 0 and 1 equal to the gas price. */
  public UInt256 maxPriorityFeePerGas() { return maxPriorityFeePerGas != null ? maxPriorityFeePerGas : gasPrice; }

  /** EIP-1559 fee cap; for types 0 and 1 equal to the gas price. */
  public UInt256 maxFeePerGas() { return maxFeePerGas != null ? maxFeePerGas : gasPrice; }

  public long gasLimit() { return gasLimit; }

  /** Recipient; null for a contract creation. */
  public Address to() { return to; }

  public boolean isContractCreation() { return to == null; }

  public UInt256 value() { return value; }

  /** Call data or init code; callers must not modify it. */
  public byte[] data() { return data; }

  public List<AccessListEntry> accessList() { return accessList; }

  /** Blob fee cap of type 3; null otherwise. */
  public UInt256 maxFeePerBlobGas() { return maxFeePerBlobGas; }

  public List<byte[]> blobVersionedHashes() { return blobVersionedHashes; }

  public List<Authorization> authorizationList() { return authorizationList; }

  /** Signature v (legacy: 27/28 or EIP-155 value) or y-parity (typed); null if unsigned. */
  public UInt256 v() { return v; }

  public UInt256 r() { return r; }

  public UInt256 s() { return s; }

  /** The sender, if known (recovered or given); null otherwise. */
  public Address sender() { return sender; }

  /** A copy with the sender set, e.g. after recovery. */
  public Transaction withSender(Address sender) {
    Builder b = toBuilder();
    b.sender = sender;
    return new Transaction(b);
  }

  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.chainId = chainId;
    b.nonce = nonce;
    b.gasPrice = gasPrice;
    b.maxPriorityFeePerGas = maxPriorityFeePerGas;
    b.maxFeePerGas = maxFeePerGas;
    b.gasLimit = gasLimit;
    b.to = to;
    b.value = value;
    b.data = data;
    b.accessList = accessList;
    b.maxFeePerBlobGas = maxFeePerBlobGas;
    b.blobVersionedHashes = blobVersionedHashes;
    b.authorizationList = authorizationList;
    b.v = v;
    b.r = r;
    b.s = s;
    b.sender = sender;
    return b;
  }

  /** Builds a {@link Transaction}; unset optional fields stay null or empty. */
  public static final class Builder {
    private final TransactionType type;
    private UInt256 chainId;
    private long nonce;
    private UInt256 gasPrice;
    private UInt256 maxPriorityFeePerGas;
    private UInt256 maxFeePerGas;
    private long gasLimit;
    private Address to;
    private UInt256 value;
    private byte[] data;
    private List<AccessListEntry> accessList;
    private UInt256 maxFeePerBlobGas;
    private List<byte[]> blobVersionedHashes;
    private List<Authorization> authorizationList;
    private UInt256 v;
    private UInt256 r;
    private UInt256 s;
    private Address sender;

    private Builder(TransactionType type) {
      this.type = type;
    }

    public Builder chainId(UInt256 x) { chainId = x; return this; }
    public Builder nonce(long x) { nonce = x; return this; }
    public Builder gasPrice(UInt256 x) { gasPrice = x; return this; }
    public Builder maxPriorityFeePerGas(UInt256 x) { maxPriorityFeePerGas = x; return this; }
    public Builder maxFeePerGas(UInt256 x) { maxFeePerGas = x; return this; }
    public Builder gasLimit(long x) { gasLimit = x; return this; }
    public Builder to(Address x) { to = x; return this; }
    public Builder value(UInt256 x) { value = x; return this; }
    public Builder data(byte[] x) { data = x; return this; }
    public Builder accessList(List<AccessListEntry> x) { accessList = x; return this; }
    public Builder maxFeePerBlobGas(UInt256 x) { maxFeePerBlobGas = x; return this; }
    public Builder blobVersionedHashes(List<byte[]> x) { blobVersionedHashes = x; return this; }
    public Builder authorizationList(List<Authorization> x) { authorizationList = x; return this; }
    public Builder signature(UInt256 v, UInt256 r, UInt256 s) { this.v = v; this.r = r; this.s = s; return this; }
    public Builder sender(Address x) { sender = x; return this; }

    public Transaction build() {
      return new Transaction(this);
    }
  }
}
