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
import io.nativerollups.node.txpool.TransactionPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The Engine API a consensus client drives the node with, as execution-apis specifies it up to
 * Osaka: engine_newPayloadV1-V4, engine_forkchoiceUpdatedV1-V3, engine_getPayloadV1-V5, with the
 * blob ({@link EngineBlobMethods}), payload body ({@link PayloadBodyMethods}) and identification
 * ({@link ClientVersionMethod}) methods, and engine_exchangeCapabilities listing them all.
 *
 * <p>Each versioned method serves the forks {@link #SERVED_FORKS} gives it and answers -38005
 * Unsupported fork for a payload or attributes timestamp of another; V1 and V2 serve Paris and
 * Shanghai, which this node does not run (its chains start at Cancun), so they check their
 * parameters and refuse every fork. That is also why INVALID_BLOCK_HASH, newPayloadV1's answer to a
 * wrong block hash, never occurs: from V2 a wrong hash is INVALID.
 *
 * <p>A payload from newPayload is checked (block hash, blob versioned hashes, transactions) and
 * then fully validated and stored by {@link Blockchain#importBlock}; it becomes the head only
 * through forkchoiceUpdated. Invalid payloads are remembered ({@link InvalidPayloads}) so that
 * their descendants are INVALID too. Calls are meant to run one at a time, in order ({@link
 * EngineServer} uses a single thread), as the spec requires of forkchoice updates.
 */
public final class EngineMethods {
  private static final Logger LOG = LogManager.getLogger(EngineMethods.class);
  public static final int UNKNOWN_PAYLOAD = -38001;
  public static final int INVALID_FORKCHOICE_STATE = -38002;
  public static final int INVALID_PAYLOAD_ATTRIBUTES = -38003;
  public static final int TOO_LARGE_REQUEST = -38004;
  public static final int UNSUPPORTED_FORK = -38005;
  private static final byte[] ZERO_HASH = new byte[32];
  private static final Set<String> FORKCHOICE_FIELDS = Set.of("headBlockHash", "safeBlockHash", "finalizedBlockHash");
  private static final Set<Fork> NONE = EnumSet.noneOf(Fork.class);
  /** The forks whose payloads each versioned method serves (by the payload's or attributes' timestamp). */
  private static final Map<String, Set<Fork>> SERVED_FORKS = Map.ofEntries(
      Map.entry("engine_newPayloadV1", NONE),
      Map.entry("engine_newPayloadV2", NONE),
      Map.entry("engine_newPayloadV3", EnumSet.of(Fork.CANCUN)),
      Map.entry("engine_newPayloadV4", EnumSet.of(Fork.PRAGUE, Fork.OSAKA)),
      Map.entry("engine_forkchoiceUpdatedV1", NONE),
      Map.entry("engine_forkchoiceUpdatedV2", NONE),
      Map.entry("engine_forkchoiceUpdatedV3", EnumSet.of(Fork.CANCUN, Fork.PRAGUE, Fork.OSAKA)),
      Map.entry("engine_getPayloadV1", NONE),
      Map.entry("engine_getPayloadV2", NONE),
      Map.entry("engine_getPayloadV3", EnumSet.of(Fork.CANCUN)),
      Map.entry("engine_getPayloadV4", EnumSet.of(Fork.PRAGUE)),
      Map.entry("engine_getPayloadV5", EnumSet.of(Fork.OSAKA)));

  private final Blockchain chain;
  private final PayloadStore payloads;
  private final TransactionPool pool;
  private final String clientVersion;
  private final InvalidPayloads invalid = new InvalidPayloads();

  /** @param clientVersion web3_clientVersion's answer, which engine_getClientVersionV1 takes its name and version from */
  public EngineMethods(Blockchain chain, PayloadStore payloads, TransactionPool pool, String clientVersion) {
    this.chain = chain;
    this.payloads = payloads;
    this.pool = pool;
    this.clientVersion = clientVersion;
  }

  /** Registers the engine namespace, engine_exchangeCapabilities answering the other engine methods registered. */
  public void registerTo(RpcMethodRegistry r) {
    for (int v = 1; v <= 4; v++) {
      int version = v;
      r.registerMethod("engine_newPayloadV" + v, p -> newPayload(p, version));
    }
    for (int v = 1; v <= 3; v++) {
      int version = v;
      r.registerMethod("engine_forkchoiceUpdatedV" + v, p -> forkchoiceUpdated(p, version));
    }
    for (int v = 1; v <= 5; v++) {
      int version = v;
      r.registerMethod("engine_getPayloadV" + v, p -> getPayload(p, version));
    }
    new EngineBlobMethods(chain, pool).registerTo(r);
    new PayloadBodyMethods(chain).registerTo(r);
    new ClientVersionMethod(clientVersion).registerTo(r);
    List<String> capabilities = r.names().stream().filter(n -> n.startsWith("engine_")).toList();
    r.registerMethod("engine_exchangeCapabilities", p -> {
      p.atMost(1);
      p.required(0, n -> RpcObject.toList(n, RpcObject::toText));
      return capabilities;
    });
  }

  /** -38004, for a request for more entities than a method serves at once. */
  static JsonRpcException tooLargeRequest() {
    return new JsonRpcException(TOO_LARGE_REQUEST, "Too large request");
  }

  /** Refuses with -38005 a {@code timestamp} in a fork the called method does not serve. */
  private void checkFork(RpcParams p, long timestamp) {
    if (!SERVED_FORKS.get(p.method()).contains(chain.config().forkAt(timestamp).rules())) {
      throw new JsonRpcException(UNSUPPORTED_FORK, "Unsupported fork");
    }
  }

  // engine_newPayload

  private Object newPayload(RpcParams p, int version) {
    int count = version <= 2 ? 1 : version == 3 ? 3 : 4;
    if (p.size() != count) {
      throw JsonRpcException.invalidParams(p.method() + " takes " + count + " parameters, got " + p.size());
    }
    List<byte[]> expectedBlobHashes = version >= 3 ? p.required(1, n -> RpcObject.toList(n, RpcObject::toHash)) : null;
    byte[] beaconRoot = version >= 3 ? p.hash(2) : null;
    byte[] requestsHash = version >= 4 ? BlockProcessor.requestsHash(p.required(3, EngineMethods::executionRequests)) : null;
    ExecutionPayloads.Payload payload = p.required(0, n -> ExecutionPayloads.parse(n, version, beaconRoot, requestsHash));
    checkFork(p, payload.header().timestamp());
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
    if (expectedBlobHashes != null && !sameHashes(blobHashes, expectedBlobHashes)) {
      return status("INVALID", null, "blob versioned hashes do not match the payload's blob transactions");
    }
    if (chain.headerByHash(hash).isPresent()) {
      return status("VALID", hash, null);
    }
    Optional<InvalidPayloads.Invalid> known = invalid.get(hash)
        .or(() -> invalid.get(block.header().parentHash()).map(parent ->
            new InvalidPayloads.Invalid("descends from invalid block " + Hex.data(block.header().parentHash())
                + " (" + parent.reason() + ")", parent.latestValidHash())));
    if (known.isPresent()) {
      invalid.add(hash, known.get());
      return status("INVALID", known.get().latestValidHash(), known.get().reason());
    }
    ImportResult result = chain.importBlock(block);
    return switch (result.status()) {
      case VALID -> status("VALID", hash, null);
      case INVALID -> {
        LOG.info("{}: block {} ({}) is invalid: {}", p.method(), block.header().number(), Hex.data(hash), result.reason());
        invalid.add(hash, new InvalidPayloads.Invalid(result.reason(), result.latestValidHash()));
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

  // engine_forkchoiceUpdated

  private record ForkchoiceState(byte[] head, byte[] safe, byte[] finalized) {}

  /**
   * Attributes that are not the version's structure (-38003) or not in a fork it serves (-38005)
   * are refused before the forkchoice state is touched, as geth does; a timestamp not after the
   * head's is found only when building, after the state is applied, which the spec says is not
   * rolled back.
   */
  private Object forkchoiceUpdated(RpcParams p, int version) {
    p.atMost(2);
    ForkchoiceState state = p.required(0, n -> {
      RpcObject o = new RpcObject(n).onlyFields(FORKCHOICE_FIELDS);
      return new ForkchoiceState(o.hash("headBlockHash"), o.hash("safeBlockHash"), o.hash("finalizedBlockHash"));
    });
    JsonNode rawAttributes = p.raw(1);
    PayloadAttributes attributes = null;
    if (rawAttributes != null) {
      try {
        attributes = ExecutionPayloads.attributes(rawAttributes, version);
      } catch (IllegalArgumentException e) {
        LOG.debug("{}: invalid payload attributes: {}", p.method(), e.getMessage());
        throw new JsonRpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes");
      }
      checkFork(p, attributes.timestamp());
    }
    Optional<InvalidPayloads.Invalid> knownInvalid = invalid.get(state.head());
    if (knownInvalid.isPresent()) {
      return forkchoiceResponse(status("INVALID", knownInvalid.get().latestValidHash(), knownInvalid.get().reason()), null);
    }
    Optional<BlockHeader> head = chain.headerByHash(state.head());
    if (head.isEmpty()) {
      return forkchoiceResponse(status("SYNCING", null, null), null);
    }
    checkOnChain(p, state.finalized(), head.get(), "finalized");
    checkOnChain(p, state.safe(), head.get(), "safe");
    chain.setHead(state.head());
    if (!Arrays.equals(state.finalized(), ZERO_HASH)) {
      chain.setFinalizedHash(state.finalized());
    }
    if (!Arrays.equals(state.safe(), ZERO_HASH)) {
      chain.setSafeHash(state.safe());
    }
    ObjectNode valid = status("VALID", state.head(), null);
    if (attributes == null) {
      return forkchoiceResponse(valid, null);
    }
    if (Long.compareUnsigned(attributes.timestamp(), head.get().timestamp()) <= 0) {
      LOG.debug("{}: payload timestamp {} not after the head's", p.method(), attributes.timestamp());
      throw new JsonRpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes");
    }
    byte[] payloadId;
    try {
      payloadId = payloads.startBuilding(state.head(), attributes);
    } catch (IllegalArgumentException e) {
      LOG.info("{}: cannot build on {}: {}", p.method(), Hex.data(state.head()), e.getMessage());
      throw new JsonRpcException(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes");
    }
    return forkchoiceResponse(valid, payloadId);
  }

  /** A non-zero safe or finalized hash must be a stored block that the head descends from. */
  private void checkOnChain(RpcParams p, byte[] hash, BlockHeader head, String which) {
    if (Arrays.equals(hash, ZERO_HASH)) {
      return;
    }
    Optional<BlockHeader> block = chain.headerByHash(hash);
    if (block.isEmpty() || !isAncestor(block.get(), head)) {
      LOG.debug("{}: {} block {} is not on the head's chain", p.method(), which, Hex.data(hash));
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
    checkFork(p, built.block().header().timestamp());
    return payloadResponse(built, version >= 4);
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
    return payloadResponse(built, true);
  }

  /** getPayload's answer; V3's has no executionRequests. */
  private static ObjectNode payloadResponse(BuiltPayload built, boolean withRequests) {
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
    if (withRequests) {
      ArrayNode requests = o.putArray("executionRequests");
      built.executionRequests().forEach(r -> requests.add(Hex.data(r)));
    }
    return o;
  }
}
