package io.nativerollups.node.rpc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockValidator;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.Withdrawal;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.mining.PayloadAttributes;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.json.BlockJson;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Engine API's structures and the blocks they stand for: {@code ExecutionPayloadV3} to JSON and
 * back, {@code WithdrawalV1}, {@code PayloadAttributesV3}. Parsing is strict, as the Engine API
 * asks: every field of the structure present, no other field.
 */
public final class ExecutionPayloads {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final byte[] ZERO_NONCE = new byte[8];
  private static final Set<String> PAYLOAD_V3_FIELDS = Set.of("parentHash", "feeRecipient", "stateRoot",
      "receiptsRoot", "logsBloom", "prevRandao", "blockNumber", "gasLimit", "gasUsed", "timestamp", "extraData",
      "baseFeePerGas", "blockHash", "transactions", "withdrawals", "blobGasUsed", "excessBlobGas");
  private static final Set<String> WITHDRAWAL_FIELDS = Set.of("index", "validatorIndex", "address", "amount");
  private static final Set<String> ATTRIBUTES_V3_FIELDS = Set.of("timestamp", "prevRandao", "suggestedFeeRecipient",
      "withdrawals", "parentBeaconBlockRoot");

  private ExecutionPayloads() {}

  /** A block as {@code ExecutionPayloadV3}. */
  public static ObjectNode toJson(Block block) {
    BlockHeader h = block.header();
    ObjectNode o = JSON.objectNode();
    o.put("parentHash", Hex.data(h.parentHash()));
    o.put("feeRecipient", h.coinbase().toHexString());
    o.put("stateRoot", Hex.data(h.stateRoot()));
    o.put("receiptsRoot", Hex.data(h.receiptsRoot()));
    o.put("logsBloom", Hex.data(h.logsBloom()));
    o.put("prevRandao", Hex.data(h.mixHash()));
    o.put("blockNumber", Hex.quantity(h.number()));
    o.put("gasLimit", Hex.quantity(h.gasLimit()));
    o.put("gasUsed", Hex.quantity(h.gasUsed()));
    o.put("timestamp", Hex.quantity(h.timestamp()));
    o.put("extraData", Hex.data(h.extraData()));
    o.put("baseFeePerGas", Hex.quantity(h.baseFeePerGas()));
    o.put("blockHash", Hex.data(h.hash()));
    ArrayNode txs = o.putArray("transactions");
    block.transactionEnvelopes().forEach(e -> txs.add(Hex.data(e)));
    o.set("withdrawals", BlockJson.withdrawals(block.withdrawals() == null ? List.of() : block.withdrawals()));
    o.put("blobGasUsed", Hex.quantity(h.blobGasUsed() == null ? 0 : h.blobGasUsed()));
    o.put("excessBlobGas", Hex.quantity(h.excessBlobGas() == null ? 0 : h.excessBlobGas()));
    return o;
  }

  /** An {@code ExecutionPayloadV3} as received, before it is turned into a block. */
  public record PayloadV3(BlockHeader header, byte[] blockHash, List<byte[]> transactions, List<Withdrawal> withdrawals) {}

  /**
   * Reads an {@code ExecutionPayloadV3}; the header gets the constant post-merge fields and the
   * roots the payload implies, with {@code parentBeaconBlockRoot} and {@code requestsHash} (null
   * before Prague) from the other parameters.
   *
   * @throws IllegalArgumentException when the structure is not exactly ExecutionPayloadV3
   */
  public static PayloadV3 parseV3(JsonNode node, byte[] parentBeaconBlockRoot, byte[] requestsHash) {
    RpcObject o = new RpcObject(node).onlyFields(PAYLOAD_V3_FIELDS);
    List<byte[]> transactions = o.list("transactions", RpcObject::toData);
    List<Withdrawal> withdrawals = o.list("withdrawals", ExecutionPayloads::withdrawal);
    List<byte[]> withdrawalEncodings = new ArrayList<>(withdrawals.size());
    withdrawals.forEach(w -> withdrawalEncodings.add(w.encode()));
    BlockHeader header = new BlockHeader(
        o.hash("parentHash"),
        BlockValidator.EMPTY_OMMERS_HASH,
        o.address("feeRecipient"),
        o.hash("stateRoot"),
        MerklePatriciaTrie.orderedRoot(transactions),
        o.hash("receiptsRoot"),
        o.required("logsBloom", n -> Hex.parseData(RpcObject.toText(n), 256)),
        UInt256.ZERO,
        o.quantity("blockNumber"),
        o.quantity("gasLimit"),
        o.quantity("gasUsed"),
        o.quantity("timestamp"),
        o.data("extraData"),
        o.hash("prevRandao"),
        ZERO_NONCE,
        o.uint256("baseFeePerGas"),
        MerklePatriciaTrie.orderedRoot(withdrawalEncodings),
        o.quantity("blobGasUsed"),
        o.quantity("excessBlobGas"),
        parentBeaconBlockRoot,
        requestsHash);
    return new PayloadV3(header, o.hash("blockHash"), transactions, withdrawals);
  }

  /**
   * The block of a payload, decoded as a block from the wire would be (transactions canonical,
   * senders recovered).
   *
   * @throws InvalidBlockException when a transaction is empty or cannot be decoded
   */
  public static Block toBlock(PayloadV3 payload) throws InvalidBlockException {
    List<byte[]> txs = new ArrayList<>(payload.transactions().size());
    for (byte[] envelope : payload.transactions()) {
      txs.add(envelope.length > 0 && (envelope[0] & 0xFF) >= 0xC0 ? envelope : Rlp.encodeBytes(envelope));
    }
    List<byte[]> withdrawals = new ArrayList<>(payload.withdrawals().size());
    payload.withdrawals().forEach(w -> withdrawals.add(w.encode()));
    byte[] encoded = Rlp.encodeList(
        payload.header().encode(), Rlp.encodeList(txs), Rlp.EMPTY_LIST, Rlp.encodeList(withdrawals));
    return Block.decode(encoded);
  }

  /** A {@code WithdrawalV1}; the amount is in gwei. */
  public static Withdrawal withdrawal(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(WITHDRAWAL_FIELDS);
    return new Withdrawal(o.quantity("index"), o.quantity("validatorIndex"), o.address("address"), o.quantity("amount"));
  }

  /**
   * A {@code PayloadAttributesV3}.
   *
   * @throws IllegalArgumentException when the structure is not exactly PayloadAttributesV3
   */
  public static PayloadAttributes attributesV3(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(ATTRIBUTES_V3_FIELDS);
    return new PayloadAttributes(o.quantity("timestamp"), o.hash("prevRandao"), o.address("suggestedFeeRecipient"),
        o.list("withdrawals", ExecutionPayloads::withdrawal), o.hash("parentBeaconBlockRoot"));
  }
}
