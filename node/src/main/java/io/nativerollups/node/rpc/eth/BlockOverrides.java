package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.engine.ExecutionPayloads;
import java.util.List;
import java.util.Set;

/**
 * Block fields a call runs under instead of its block's (execution-apis {@code BlockOverrides},
 * geth's names): eth_call's and eth_estimateGas's third parameter, and each block of
 * eth_simulateV1. {@code coinbase} is taken for {@code feeRecipient} as alloy-based clients send
 * it; {@code prevRandao} is a 32-byte hash or a quantity; {@code difficulty} is accepted as geth
 * does and has no effect after the merge. Every field is optional (null: the block's own).
 *
 * @param beaconRoot the EIP-4788 root of a simulated block (eth_simulateV1 only)
 * @param withdrawals the withdrawals of a simulated block (eth_simulateV1 only)
 */
public record BlockOverrides(
    Long number,
    Long time,
    Long gasLimit,
    Address feeRecipient,
    byte[] prevRandao,
    UInt256 baseFeePerGas,
    UInt256 blobBaseFee,
    byte[] beaconRoot,
    List<Withdrawal> withdrawals) {

  /** No overrides. */
  public static final BlockOverrides NONE = new BlockOverrides(null, null, null, null, null, null, null, null, null);

  private static final Set<String> FIELDS = Set.of("number", "difficulty", "time", "gasLimit", "feeRecipient",
      "coinbase", "prevRandao", "baseFeePerGas", "blobBaseFee", "beaconRoot", "withdrawals");

  /** Parses the object; the {@link IllegalArgumentException} names the bad field. */
  public static BlockOverrides parse(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(FIELDS);
    o.optional("difficulty", RpcObject::toUInt256);
    Address feeRecipient = o.optionalAddress("feeRecipient");
    Address coinbase = o.optionalAddress("coinbase");
    if (feeRecipient != null && coinbase != null && !feeRecipient.equals(coinbase)) {
      throw new IllegalArgumentException("both \"feeRecipient\" and \"coinbase\" are set and not equal");
    }
    return new BlockOverrides(
        o.optionalQuantity("number"),
        o.optionalQuantity("time"),
        o.optionalQuantity("gasLimit"),
        feeRecipient != null ? feeRecipient : coinbase,
        o.optional("prevRandao", BlockOverrides::word),
        o.optionalUInt256("baseFeePerGas"),
        o.optionalUInt256("blobBaseFee"),
        o.optionalHash("beaconRoot"),
        o.optionalList("withdrawals", ExecutionPayloads::withdrawal));
  }

  /** A 32-byte word given as a full hash or as a quantity. */
  private static byte[] word(JsonNode n) {
    String text = RpcObject.toText(n);
    return text.length() == 66 ? RpcObject.toHash(n) : RpcObject.toUInt256(n).toBytes();
  }

  /**
   * Refuses what only a simulated block can carry (geth: not supported for this RPC method).
   *
   * @throws IllegalArgumentException naming the field
   */
  public BlockOverrides forSingleCall() {
    if (beaconRoot != null) {
      throw new IllegalArgumentException("block override \"beaconRoot\" is not supported for this RPC method");
    }
    if (withdrawals != null) {
      throw new IllegalArgumentException("block override \"withdrawals\" is not supported for this RPC method");
    }
    return this;
  }

  /** {@code header} with the overridden number, time, gas limit, fee recipient, prevRandao and base fee. */
  public BlockHeader applyTo(BlockHeader header) {
    if (this == NONE) {
      return header;
    }
    BlockHeader.Builder b = header.toBuilder();
    if (number != null) {
      b.number(number);
    }
    if (time != null) {
      b.timestamp(time);
    }
    if (gasLimit != null) {
      b.gasLimit(gasLimit);
    }
    if (feeRecipient != null) {
      b.coinbase(feeRecipient);
    }
    if (prevRandao != null) {
      b.mixHash(prevRandao);
    }
    if (baseFeePerGas != null) {
      b.baseFeePerGas(baseFeePerGas);
    }
    return b.build();
  }
}
