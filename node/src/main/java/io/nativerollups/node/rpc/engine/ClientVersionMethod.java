package io.nativerollups.node.rpc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.json.Hex;
import java.util.List;
import java.util.Set;

/**
 * engine_getClientVersionV1 (execution-apis engine/identification.md): takes the consensus
 * client's {@code ClientVersionV1} and answers this node's, a one-element array.
 */
final class ClientVersionMethod {
  /** This client's two-letter code; not one of the reserved ones. */
  static final String CODE = "NR";
  private static final Set<String> FIELDS = Set.of("code", "name", "version", "commit");
  /** The build's commit is not recorded in the build, so, as geth without VCS information, zeros. */
  private static final byte[] UNKNOWN_COMMIT = new byte[4];

  private final String name;
  private final String version;

  /**
   * @param web3ClientVersion web3_clientVersion's answer, {@code name/version/platform/runtime} as
   *     geth spells it; its first two parts are the name and version
   */
  ClientVersionMethod(String web3ClientVersion) {
    String[] parts = web3ClientVersion.split("/");
    this.name = parts[0];
    this.version = parts.length > 1 ? parts[1] : "";
  }

  void registerTo(RpcMethodRegistry r) {
    r.registerMethod("engine_getClientVersionV1", p -> {
      p.atMost(1);
      p.required(0, ClientVersionMethod::checkClientVersion);
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      ObjectNode mine = out.addObject();
      mine.put("code", CODE);
      mine.put("name", name);
      mine.put("version", version);
      mine.put("commit", Hex.data(UNKNOWN_COMMIT));
      return out;
    });
  }

  /** Checks that {@code node} is a {@code ClientVersionV1}; the caller's is only logged by clients, so it is not kept. */
  private static JsonNode checkClientVersion(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(FIELDS);
    for (String text : List.of("code", "name", "version")) {
      o.required(text, RpcObject::toText);
    }
    o.required("commit", c -> Hex.parseData(RpcObject.toText(c), 4));
    return node;
  }
}
