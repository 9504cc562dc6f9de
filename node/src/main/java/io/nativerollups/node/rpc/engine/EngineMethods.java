package io.nativerollups.node.rpc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.ImportResult;
import io.nativerollups.node.mining.BuiltPayload;
import io.nativerollups.node.mining.PayloadAttributes;
import io.nativerollups.node.mining.PayloadStore;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The Engine API a consensus client (or a test acting as one) drives the node with:
 * engine_exchangeCapabilities, engine_forkchoiceUpdatedV3, engine_newPayloadV3/V4 and
 * engine_getPayloadV4/V5, as execution-apis specifies them for Cancun, Prague and Osaka.
 *
 * <p>A payload from newPayload is checked (block hash, blob versioned hashes, transactions) and
 * then fully validated and stored by {@link Blockchain#importBlock}; it becomes the head only
 * through forkchoiceUpdated. Calls are meant to run one at a time, in order ({@link EngineServer}
 * uses a single thread), as the spec requires of forkchoice updates.
 */
public final class EngineMethods {
  private static final Logger LOG = LogManager.getLogger(EngineMethods.class);
  public static final int UNKNOWN_PAYLOAD = -38001;
  public static final int INVALID_FORKCHOICE_STATE = -38002;
  public static final int INVALID_PAYLOAD_ATTRIBUTES = -38003;
  public static final int UNSUPPORTED_FORK = -38005;
  private static final byte[] ZERO_HASH = new byte[32];
  private static final Set<String> FORKCHOICE_FIELDS = Set.of("headBlockHash", "safeBlockHash", "finalizedBlockHash");
  /** The methods this node serves, as engine_exchangeCapabilities lists them. */
  public static final List<String> CAPABILITIES = List.of(
      "engine_forkchoiceUpdatedV3", "engine_newPayloadV3", "engine_newPayloadV4", "engine_getPayloadV4",
      "engine_getPayloadV5");

  private final Blockchain chain;
  private final PayloadStore payloads;

  public EngineMethods(Blockchain chain, PayloadStore payloads) {
    this.chain = chain;
    this.payloads = payloads;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("engine_exchangeCapabilities", p -> {
      p.atMost(1);
      p.required(0, n -> RpcObject.toList(n, RpcObject::toText));
      return CAPABILITIES;
    });
    r.registerMethod("engine_forkchoiceUpdatedV3", this::forkchoiceUpdatedV3);
    r.registerMethod("engine_newPayloadV3", p -> newPayload(p, 3));
    r.registerMethod("engine_newPayloadV4", p -> newPayload(p, 4));
    r.registerMethod("engine_getPayloadV4", p -> getPayload(p, 4));
    r.registerMethod("engine_getPayloadV5", p -> getPayload(p, 5));
  }

  private Fork forkAt(long timestamp) {
    return chain.config().forkAt(timestamp).rules();
  }

  // engine_newPayload

  private Object newPayload(RpcParams p, int version) {
    int count = version == 3 ? 3 : 4;
    if (p.size() != count) {
      throw JsonRpcException.invalidParams("engine_newPayloadV" + version + " takes " + count + " parameters, got " + p.size());
    }
    List<byte[]> expectedBlobHashes = p.required(1, n -> RpcObject.toList(n, RpcObject::toHash));
    byte[] beaconRoot = p.hash(2);
    byte[] requestsHash = version == 4 ? BlockProcessor.requestsHash(p.required(3, EngineMethods::executionRequests)) : null;
    ExecutionPayloads.PayloadV3 payload = p.required(0, n -> ExecutionPayloads.parseV3(n, beaconRoot, requestsHash));
    Fork fork = forkAt(payload.header().timestamp());
    if (version == 3 ? fork != Fork.CANCUN : !fork.isAtLeast(Fork.PRAGUE)) {
      throw new JsonRpcException(UNSUPPORTED_FORK, "Unsupported fork");
    }
    Block block;
    try {
      block = ExecutionPayloads.toBlock(payload);
    } catch (InvalidBlockException e) {
      return status("INVALID", null, e.getMessage());
    }
    byte[] hash = block.header().hash();
    if (!Arrays.equals(hash, payload.blockHash())) {
      return status("INVALID", null, "invalid block hash: payload says " + Hex.data(payload.blockHash())
          + ", header hashes to " + Hex.data(hash));
    }
    List<byte[]> blobHashes = new ArrayList<>();
    for (Transaction tx : block.transactions()) {
      blobHashes.addAll(tx.blobVersionedHashes());
    }
    if (!sameHashes(blobHashes, expectedBlobHashes)) {
      return status("INVALID", null, "blob versioned hashes do not match the payload's blob transactions");
    }
    if (chain.headerByHash(hash).isPresent()) {
      return status("VALID", hash, null);
    }
    ImportResult result = chain.importBlock(block);
    return switch (result.status()) {
      case VALID -> status("VALID", hash, null);
      case INVALID -> {
        LOG.info("engine_newPayload: block {} ({}) is invalid: {}", block.header().number(), Hex.data(hash), result.reason());
        yield status("INVALID", result.latestValidHash(), result.reason());
      }
      case SYNCING -> status("SYNCING", null, null);
    };
  }

  private static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * EIP-7685 requests as engine_newPayloadV4 takes them: each a type byte and non-empty data, types
   * strictly ascending (so none repeated).
   */
  static List<byte[]> executionRequests(JsonNode node) {
    List<byte[]> requests = RpcObject.toList(node, RpcObject::toData);
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).length <= 1) {
        throw new IllegalArgumentException("request " + i + " has no data");
      }
      if (i > 0 && (requests.get(i)[0] & 0xFF) <= (requests.get(i - 1)[0] & 0xFF)) {
        throw new IllegalArgumentException("requests must be ordered by strictly ascending type");
      }
    }
    return requests;
  }

  private static ObjectNode status(String status, byte[] latestValidHash, String validationError) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", status);
    if (latestValidHash == null) {
      o.putNull("latestValidHash");
    } else {
      o.put("latestValidHash", Hex.data(latestValidHash));
    }
    if (validationError == null) {
      o.putNull("validationError");
    } else {
      o.put("validationError", validationError);
    }
    return o;
  }

  // engine_forkchoiceUpdatedV3

  private record ForkchoiceState(byte[] head, byte[] safe, byte[] finalized) {}

  private Object forkchoiceUpdatedV3(RpcParams p) {
    p.atMost(2);
    ForkchoiceState state = p.required(0, n -> {
      RpcObject o = new RpcObject(n).onlyFields(FORKCHOICE_FIELDS);
      return new ForkchoiceState(o.hash("headBlockHash"), o.hash("safeBlockHash"), o.hash("finalizedBlockHash"));
    });
    JsonNode rawAttributes = p.raw(1);
    Optional<BlockHeader> head = chain.headerByHash(state.head());
    if (head.isEmpty()) {
      return forkchoiceResponse(status("SYNCING", null, null), null);
    }
    checkOnChain(state.finalized(), head.get(), "finalized");
    checkOnChain(state.safe(), head.get(), "safe");
    chain.setHead(state.head());
    if (!Arrays.equals(state.finalized(), ZERO_HASH)) {
      chain.setFinalizedHash(state.finalized());
    }
    if (!Arrays.equals(state.safe(), ZERO_HASH)) {
      chain.setSafeHash(state.safe());
    }
    ObjectNode valid = status("VALID", state.head(), null);
    if (rawAttributes == null) {
      return forkchoiceResponse(valid, null);
    }
    PayloadAttributes attributes;
    try {
      attributes = ExecutionPayloads.attributesV3(rawAttributes);
    } catch (IllegalArgumentException e) {
      LOG.debug("engine_forkchoiceUpdatedV3: invalid payload attributes: {}", e.getMessage());
      throw new JsonRpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes");
    }
    if (!forkAt(attributes.timestamp()).isAtLeast(Fork.CANCUN)) {
      throw new JsonRpcException(UNSUPPORTED_FORK, "Unsupported fork");
    }
    if (Long.compareUnsigned(attributes.timestamp(), head.get().timestamp()) <= 0) {
      LOG.debug("engine_forkchoiceUpdatedV3: payload timestamp {} not after the head's", attributes.timestamp());
      throw new JsonRpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes");
    }
    byte[] payloadId;
    try {
      payloadId = payloads.startBuilding(state.head(), attributes);
    } catch (IllegalArgumentException e) {
      LOG.info("engine_forkchoiceUpdatedV3: cannot build on {}: {}", Hex.data(state.head()), e.getMessage());
      throw new JsonRpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes");
    }
    return forkchoiceResponse(valid, payloadId);
  }

  /** A non-zero safe or finalized hash must be a stored block that the head descends from. */
  private void checkOnChain(byte[] hash, BlockHeader head, String which) {
    if (Arrays.equals(hash, ZERO_HASH)) {
      return;
    }
    Optional<BlockHeader> block = chain.headerByHash(hash);
    if (block.isEmpty() || !isAncestor(block.get(), head)) {
      LOG.debug("engine_forkchoiceUpdatedV3: {} block {} is not on the head's chain", which, Hex.data(hash));
      throw new JsonRpcException(INVALID_FORKCHOICE_STATE, "Invalid forkchoice state");
    }
  }

  /** Whether {@code ancestor} is {@code head} or one of its ancestors. */
  private boolean isAncestor(BlockHeader ancestor, BlockHeader head) {
    byte[] target = ancestor.hash();
    BlockHeader h = head;
    while (h != null && Long.compareUnsigned(h.number(), ancestor.number()) > 0) {
      h = chain.headerByHash(h.parentHash()).orElse(null);
    }
    return h != null && Arrays.equals(h.hash(), target);
  }

  private static ObjectNode forkchoiceResponse(ObjectNode payloadStatus, byte[] payloadId) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("payloadStatus", payloadStatus);
    if (payloadId == null) {
      o.putNull("payloadId");
    } else {
      o.put("payloadId", Hex.data(payloadId));
    }
    return o;
  }

  // engine_getPayload

  private Object getPayload(RpcParams p, int version) {
    p.atMost(1);
    byte[] id = p.required(0, n -> Hex.parseData(RpcObject.toText(n), 8));
    BuiltPayload built = payloads.get(id).orElseThrow(() -> new JsonRpcException(UNKNOWN_PAYLOAD, "Unknown payload"));
    Fork fork = forkAt(built.block().header().timestamp());
    if (version == 4 ? fork != Fork.PRAGUE : fork != Fork.OSAKA) {
      throw new JsonRpcException(UNSUPPORTED_FORK, "Unsupported fork");
    }
    return payloadResponse(built);
  }

  /**
   * engine_getPayloadV4/V5's answer (and testing_buildBlockV1's): the payload, its value to the fee
   * recipient, the blobs bundle and the EIP-7685 requests. The bundle lists each blob transaction's
   * blobs, commitments and proofs in block order: one proof per blob (BlobsBundleV1, Prague) or the
   * cell proofs of each blob (BlobsBundleV2, Osaka), as the builder took the sidecars in the block's fork form.
   *
   * @throws JsonRpcException -32603 when a blob transaction's sidecar is not known
   */
  public static ObjectNode payloadResponse(BuiltPayload built) {
    long blobTransactions = built.block().transactions().stream().filter(tx -> tx.type() == TransactionType.BLOB).count();
    if (blobTransactions != built.sidecars().size()) {
      throw new JsonRpcException(JsonRpcException.INTERNAL_ERROR,
          "payload holds " + blobTransactions + " blob transactions but " + built.sidecars().size() + " known sidecars");
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("executionPayload", ExecutionPayloads.toJson(built.block()));
    o.put("blockValue", Hex.quantity(built.blockValue()));
    ObjectNode bundle = o.putObject("blobsBundle");
    ArrayNode commitments = bundle.putArray("commitments");
    ArrayNode proofs = bundle.putArray("proofs");
    ArrayNode blobs = bundle.putArray("blobs");
    for (BlobSidecar sidecar : built.sidecars()) {
      sidecar.commitments().forEach(c -> commitments.add(Hex.data(c)));
      sidecar.proofs().forEach(p -> proofs.add(Hex.data(p)));
      sidecar.blobs().forEach(b -> blobs.add(Hex.data(b)));
    }
    o.put("shouldOverrideBuilder", false);
    ArrayNode requests = o.putArray("executionRequests");
    built.executionRequests().forEach(r -> requests.add(Hex.data(r)));
    return o;
  }
}
