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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Engine API's structures and the blocks they stand for: {@code ExecutionPayloadV3} and
 * {@code ExecutionPayloadBodyV1} to JSON; {@code ExecutionPayloadV1}-{@code V3}, {@code
 * WithdrawalV1} and {@code PayloadAttributesV1}-{@code V3} from JSON. Parsing is strict, as the
 * Engine API asks: every field of the structure present, no other field.
 */
public final class ExecutionPayloads {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final byte[] ZERO_NONCE = new byte[8];
  private static final Set<String> PAYLOAD_V1_FIELDS = Set.of("parentHash", "feeRecipient", "stateRoot",
      "receiptsRoot", "logsBloom", "prevRandao", "blockNumber", "gasLimit", "gasUsed", "timestamp", "extraData",
      "baseFeePerGas", "blockHash", "transactions");
  private static final Set<String> PAYLOAD_V2_FIELDS = plus(PAYLOAD_V1_FIELDS, "withdrawals");
  private static final Set<String> PAYLOAD_V3_FIELDS = plus(PAYLOAD_V2_FIELDS, "blobGasUsed", "excessBlobGas");
  private static final Set<String> WITHDRAWAL_FIELDS = Set.of("index", "validatorIndex", "address", "amount");
  private static final Set<String> ATTRIBUTES_V1_FIELDS = Set.of("timestamp", "prevRandao", "suggestedFeeRecipient");
  private static final Set<String> ATTRIBUTES_V2_FIELDS = plus(ATTRIBUTES_V1_FIELDS, "withdrawals");
  private static final Set<String> ATTRIBUTES_V3_FIELDS = plus(ATTRIBUTES_V2_FIELDS, "parentBeaconBlockRoot");

  private ExecutionPayloads() {}

  private static Set<String> plus(Set<String> fields, String... more) {
    Set<String> all = new HashSet<>(fields);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

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

  /** A block's {@code ExecutionPayloadBodyV1}: its transactions and withdrawals (null before Shanghai). */
  public static ObjectNode body(Block block) {
    ObjectNode o = JSON.objectNode();
    ArrayNode txs = o.putArray("transactions");
    block.transactionEnvelopes().forEach(e -> txs.add(Hex.data(e)));
    if (block.withdrawals() == null) {
      o.putNull("withdrawals");
    } else {
      o.set("withdrawals", BlockJson.withdrawals(block.withdrawals()));
    }
    return o;
  }

  /**
   * An execution payload as received, before it is turned into a block.
   *
   * @param withdrawals null for an {@code ExecutionPayloadV1}
   */
  public record Payload(BlockHeader header, byte[] blockHash, List<byte[]> transactions, List<Withdrawal> withdrawals) {}

  /**
   * Reads the execution payload a method version takes: {@code ExecutionPayloadV1} for version 1,
   * V1 or {@code ExecutionPayloadV2} for version 2 (withdrawals optional), {@code
   * ExecutionPayloadV3} from version 3. The header gets the constant post-merge fields and the
   * roots the payload implies, with {@code parentBeaconBlockRoot} and {@code requestsHash} (null
   * before Cancun and Prague) from the method's other parameters.
   *
   * @throws IllegalArgumentException when the structure is not exactly the version's
   */
  public static Payload parse(JsonNode node, int version, byte[] parentBeaconBlockRoot, byte[] requestsHash) {
    RpcObject o = new RpcObject(node)
        .onlyFields(version == 1 ? PAYLOAD_V1_FIELDS : version == 2 ? PAYLOAD_V2_FIELDS : PAYLOAD_V3_FIELDS);
    List<byte[]> transactions = o.list("transactions", RpcObject::toData);
    List<Withdrawal> withdrawals = version >= 3 ? o.list("withdrawals", ExecutionPayloads::withdrawal)
        : o.optionalList("withdrawals", ExecutionPayloads::withdrawal);
    boolean blobFields = version >= 3;
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
        withdrawals == null ? null : MerklePatriciaTrie.orderedRoot(encodings(withdrawals)),
        blobFields ? o.quantity("blobGasUsed") : null,
        blobFields ? o.quantity("excessBlobGas") : null,
        parentBeaconBlockRoot,
        requestsHash);
    return new Payload(header, o.hash("blockHash"), transactions, withdrawals);
  }

  private static List<byte[]> encodings(List<Withdrawal> withdrawals) {
    List<byte[]> out = new ArrayList<>(withdrawals.size());
    withdrawals.forEach(w -> out.add(w.encode()));
    return out;
  }

  /**
   * The block of a payload, decoded as a block from the wire would be (transactions canonical,
   * senders recovered).
   *
   * @throws InvalidBlockException when a transaction is empty or cannot be decoded
   */
  public static Block toBlock(Payload payload) throws InvalidBlockException {
    List<byte[]> txs = new ArrayList<>(payload.transactions().size());
    for (byte[] envelope : payload.transactions()) {
      txs.add(envelope.length > 0 && (envelope[0] & 0xFF) >= 0xC0 ? envelope : Rlp.encodeBytes(envelope));
    }
    byte[] encoded = payload.withdrawals() == null
        ? Rlp.encodeList(payload.header().encode(), Rlp.encodeList(txs), Rlp.EMPTY_LIST)
        : Rlp.encodeList(payload.header().encode(), Rlp.encodeList(txs), Rlp.EMPTY_LIST,
            Rlp.encodeList(encodings(payload.withdrawals())));
    return Block.decode(encoded);
  }

  /** A {@code WithdrawalV1}; the amount is in gwei. */
  public static Withdrawal withdrawal(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(WITHDRAWAL_FIELDS);
    return new Withdrawal(o.quantity("index"), o.quantity("validatorIndex"), o.address("address"), o.quantity("amount"));
  }

  /**
   * The payload attributes a method version takes: {@code PayloadAttributesV1} for version 1, V1 or
   * {@code PayloadAttributesV2} for version 2 (withdrawals optional), {@code PayloadAttributesV3}
   * from version 3. Fields a version lacks are null.
   *
   * @throws IllegalArgumentException when the structure is not exactly the version's
   */
  public static PayloadAttributes attributes(JsonNode node, int version) {
    RpcObject o = new RpcObject(node)
        .onlyFields(version == 1 ? ATTRIBUTES_V1_FIELDS : version == 2 ? ATTRIBUTES_V2_FIELDS : ATTRIBUTES_V3_FIELDS);
    List<Withdrawal> withdrawals = version >= 3 ? o.list("withdrawals", ExecutionPayloads::withdrawal)
        : o.optionalList("withdrawals", ExecutionPayloads::withdrawal);
    return new PayloadAttributes(o.quantity("timestamp"), o.hash("prevRandao"), o.address("suggestedFeeRecipient"),
        withdrawals, version >= 3 ? o.hash("parentBeaconBlockRoot") : null);
  }

  /**
   * A {@code PayloadAttributesV3}.
   *
   * @throws IllegalArgumentException when the structure is not exactly PayloadAttributesV3
   */
  public static PayloadAttributes attributesV3(JsonNode node) {
    return attributes(node, 3);
  }
}
