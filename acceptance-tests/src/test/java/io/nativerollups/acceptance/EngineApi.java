package io.nativerollups.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.web3j.utils.Numeric;

/**
 * A consensus client's side of the Engine API, enough to hand one node's blocks to another:
 * JWT tokens (HS256 over the shared secret), payloads built from a block served over the public
 * JSON-RPC, {@code engine_newPayloadV4} and {@code engine_forkchoiceUpdatedV3} (Prague and Osaka).
 */
public final class EngineApi {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private final String url;
  private final byte[] secret;

  public EngineApi(String url, byte[] secret) {
    this.url = url;
    this.secret = secret.clone();
  }

  /** A JWT for the Engine API issued at {@code issuedAtSeconds}. */
  public static String token(byte[] secret, long issuedAtSeconds) {
    String header = BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = BASE64URL.encodeToString(("{\"iat\":" + issuedAtSeconds + "}").getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header + "." + claims + "." + BASE64URL.encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client with a fresh token (tokens are only good for a minute). */
  private JsonRpc rpc() {
    return new JsonRpc(url).withBearer(token(secret, System.currentTimeMillis() / 1000));
  }

  /** A block of another node, in the shape {@code engine_newPayloadV4} takes. */
  public record Payload(ObjectNode executionPayload, List<String> blobVersionedHashes, String parentBeaconBlockRoot,
      List<String> executionRequests) {}

  /**
   * Builds the payload of block {@code number} from {@code source}'s {@code eth_getBlockByNumber}
   * (header fields, blob hashes) and {@code debug_getRawBlock} (the transactions as signed bytes).
   * The dev chain makes no deposits, withdrawal or consolidation requests, so the execution
   * requests are empty (the block's requestsHash then commits to that).
   */
  public static Payload payloadOf(JsonRpc source, long number) {
    String tag = "0x" + Long.toHexString(number);
    JsonNode block = source.call("eth_getBlockByNumber", tag, true);
    RlpItem raw = Rlp.decode(Numeric.hexStringToByteArray(source.call("debug_getRawBlock", tag).asText()));
    ObjectNode payload = JsonRpc.JSON.createObjectNode();
    payload.put("parentHash", block.get("parentHash").asText());
    payload.put("feeRecipient", block.get("miner").asText());
    payload.put("stateRoot", block.get("stateRoot").asText());
    payload.put("receiptsRoot", block.get("receiptsRoot").asText());
    payload.put("logsBloom", block.get("logsBloom").asText());
    payload.put("prevRandao", block.get("mixHash").asText());
    payload.put("blockNumber", block.get("number").asText());
    payload.put("gasLimit", block.get("gasLimit").asText());
    payload.put("gasUsed", block.get("gasUsed").asText());
    payload.put("timestamp", block.get("timestamp").asText());
    payload.put("extraData", block.get("extraData").asText());
    payload.put("baseFeePerGas", block.get("baseFeePerGas").asText());
    payload.put("blockHash", block.get("hash").asText());
    ArrayNode transactions = payload.putArray("transactions");
    for (RlpItem tx : raw.items().get(1).items()) {
      // A legacy transaction is an RLP list; a typed one is a string holding type || payload.
      transactions.add(Numeric.toHexString(tx.isList() ? tx.encoded() : tx.bytes()));
    }
    payload.set("withdrawals", block.get("withdrawals"));
    payload.put("blobGasUsed", block.get("blobGasUsed").asText());
    payload.put("excessBlobGas", block.get("excessBlobGas").asText());
    List<String> blobHashes = new ArrayList<>();
    for (JsonNode tx : block.get("transactions")) {
      tx.path("blobVersionedHashes").forEach(h -> blobHashes.add(h.asText()));
    }
    return new Payload(payload, blobHashes, block.get("parentBeaconBlockRoot").asText(), List.of());
  }

  /** {@code engine_newPayloadV4}; returns the payload status object. */
  public JsonNode newPayload(Payload p) {
    return rpc().call("engine_newPayloadV4", p.executionPayload(), p.blobVersionedHashes(),
        p.parentBeaconBlockRoot(), p.executionRequests());
  }

  /** Any Engine API method, with a fresh token; returns the {@code result}. */
  public JsonNode call(String method, Object... params) {
    return rpc().call(method, params);
  }

  /** {@code engine_forkchoiceUpdatedV3} making {@code head} the head (and safe and finalized), no payload build. */
  public JsonNode forkchoiceUpdated(String head) {
    return rpc().call("engine_forkchoiceUpdatedV3",
        Map.of("headBlockHash", head, "safeBlockHash", head, "finalizedBlockHash", head), null);
  }
}
