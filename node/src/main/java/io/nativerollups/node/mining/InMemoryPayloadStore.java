package io.nativerollups.node.mining;

import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.node.chain.Blockchain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payloads by id, built when engine_getPayload first asks for them (so transactions that reached
 * the pool after forkchoiceUpdated are included) and then kept as built, so repeated calls return
 * the same block. The {@link #CAPACITY} most recent ids are remembered.
 */
public final class InMemoryPayloadStore implements PayloadStore {
  /** How many payload ids are remembered. */
  public static final int CAPACITY = 64;

  private record Pending(BlockHeader parent, PayloadAttributes attrs, BuiltPayload built) {}

  private final Blockchain chain;
  private final BlockBuilder builder;
  private final Map<String, Pending> payloads = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
      return size() > CAPACITY;
    }
  };

  public InMemoryPayloadStore(Blockchain chain, BlockBuilder builder) {
    this.chain = chain;
    this.builder = builder;
  }

  @Override
  public synchronized byte[] startBuilding(byte[] parentHash, PayloadAttributes attrs) {
    BlockHeader parent = chain.headerByHash(parentHash).orElseThrow(() ->
        new IllegalArgumentException("parent block 0x" + HexFormat.of().formatHex(parentHash) + " is not known"));
    if (Long.compareUnsigned(attrs.timestamp(), parent.timestamp()) <= 0) {
      throw new IllegalArgumentException("payload timestamp " + Long.toUnsignedString(attrs.timestamp())
          + " is not after the parent's " + Long.toUnsignedString(parent.timestamp()));
    }
    byte[] id = payloadId(parentHash, attrs);
    payloads.putIfAbsent(HexFormat.of().formatHex(id), new Pending(parent, attrs, null));
    return id;
  }

  @Override
  public synchronized Optional<BuiltPayload> get(byte[] payloadId) {
    String key = HexFormat.of().formatHex(payloadId);
    Pending p = payloads.get(key);
    if (p == null) {
      return Optional.empty();
    }
    if (p.built() == null) {
      p = new Pending(p.parent(), p.attrs(), builder.buildPayload(p.parent(), p.attrs(), null));
      payloads.put(key, p);
    }
    return Optional.of(p.built());
  }

  /** The first 8 bytes of keccak256 over the parent hash and the RLP of the attributes. */
  static byte[] payloadId(byte[] parentHash, PayloadAttributes attrs) {
    List<byte[]> withdrawals = new ArrayList<>();
    for (Withdrawal w : attrs.withdrawals() == null ? List.<Withdrawal>of() : attrs.withdrawals()) {
      withdrawals.add(w.encode());
    }
    byte[] encoded = Rlp.encodeList(Rlp.encodeBytes(parentHash), Rlp.encodeLong(attrs.timestamp()),
        Rlp.encodeBytes(attrs.prevRandao()), Rlp.encodeBytes(attrs.suggestedFeeRecipient().toArray()),
        Rlp.encodeList(withdrawals),
        Rlp.encodeBytes(attrs.parentBeaconBlockRoot() == null ? new byte[0] : attrs.parentBeaconBlockRoot()));
    return Arrays.copyOf(Keccak256.hash(encoded), 8);
  }
}
