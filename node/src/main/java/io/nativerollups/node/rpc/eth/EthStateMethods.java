package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.rlp.RlpItem;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.txpool.TransactionPool;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account state at a block: eth_getBalance, eth_getTransactionCount, eth_getCode,
 * eth_getStorageAt, eth_getStorageValues (slots of several accounts at once, at most {@link
 * #MAX_STORAGE_VALUES}) and eth_getProof (EIP-1186). The block is a number, tag or EIP-1898 hash
 * object, {@code latest} when omitted; a block that does not exist is -32000 "header not found".
 * eth_getTransactionCount at {@code pending} counts the sender's pending pool transactions too.
 */
public final class EthStateMethods {
  /** How many storage keys one eth_getProof may ask for. */
  static final int MAX_PROOF_KEYS = 1024;
  /** How many slots one eth_getStorageValues may ask for in all (geth's limit). */
  static final int MAX_STORAGE_VALUES = 1024;

  private final TransactionPool pool;
  private final BlockResolver blocks;

  public EthStateMethods(BlockResolver blocks, TransactionPool pool) {
    this.pool = pool;
    this.blocks = blocks;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_getBalance", p -> Hex.quantity(state(p, 1, 2).getBalance(p.address(0))));
    r.registerMethod("eth_getTransactionCount", this::transactionCount);
    r.registerMethod("eth_getCode", p -> Hex.data(state(p, 1, 2).getCode(p.address(0))));
    r.registerMethod("eth_getStorageAt", p -> {
      Address address = p.address(0);
      UInt256 slot = p.required(1, EthStateMethods::storageKey);
      return state(p, 2, 3).getStorage(address, slot).toPaddedHexString();
    });
    r.registerMethod("eth_getStorageValues", this::storageValues);
    r.registerMethod("eth_getProof", this::proof);
  }

  /** The state at the block parameter {@code blockIndex} (latest when omitted), after checking the parameter count. */
  private WorldState state(RpcParams p, int blockIndex, int maxParams) {
    p.atMost(maxParams);
    return blocks.state(header(p, blockIndex));
  }

  private BlockHeader header(RpcParams p, int blockIndex) {
    BlockParameter block = p.optional(blockIndex, BlockParameter::numberTagOrHash, BlockParameter.LATEST);
    return blocks.stateHeader(block);
  }

  private Object transactionCount(RpcParams p) {
    p.atMost(2);
    Address address = p.address(0);
    BlockParameter block = p.optional(1, BlockParameter::numberTagOrHash, BlockParameter.LATEST);
    if (BlockResolver.isPending(block)) {
      return Hex.quantity(pool.nextNonce(address));
    }
    return Hex.quantity(blocks.state(blocks.stateHeader(block)).getNonce(address));
  }

  /**
   * A storage slot as clients accept it: up to 32 bytes of hex, leading zeros and odd length
   * allowed ({@code 0x0}, {@code 0x01}, a full 32-byte word).
   */
  static UInt256 storageKey(JsonNode n) {
    String text = RpcObject.toText(n);
    if (!text.startsWith("0x") && !text.startsWith("0X")) {
      throw new IllegalArgumentException("hex string without 0x prefix");
    }
    String digits = text.substring(2);
    if (digits.isEmpty() || digits.length() > 64) {
      throw new IllegalArgumentException("storage key must be 1 to 64 hex digits");
    }
    if (digits.length() % 2 != 0) {
      digits = "0" + digits;
    }
    try {
      return UInt256.fromBytes(HexFormat.of().parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid hex string");
    }
  }

  private Object storageValues(RpcParams p) {
    p.atMost(2);
    Map<Address, List<UInt256>> requests = p.required(0, EthStateMethods::storageRequests);
    int total = 0;
    for (List<UInt256> keys : requests.values()) {
      total += keys.size();
    }
    if (total > MAX_STORAGE_VALUES) {
      throw new JsonRpcException(JsonRpcException.CLIENT_LIMIT_EXCEEDED,
          "too many slots (max " + MAX_STORAGE_VALUES + ")");
    }
    if (total == 0) {
      throw JsonRpcException.invalidParams("empty request");
    }
    WorldState world = blocks.state(header(p, 1));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    requests.forEach((address, keys) -> {
      ArrayNode values = out.putArray(address.toHexString());
      keys.forEach(key -> values.add(world.getStorage(address, key).toPaddedHexString()));
    });
    return out;
  }

  /** {@code {address: [slot...]}} with slots as eth_getStorageAt takes them. */
  private static Map<Address, List<UInt256>> storageRequests(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected an object of addresses to storage keys, got "
          + RpcObject.describe(node));
    }
    Map<Address, List<UInt256>> requests = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Address address = RpcObject.toAddress(JsonNodeFactory.instance.textNode(e.getKey()));
      try {
        requests.put(address, RpcObject.toList(e.getValue(), EthStateMethods::storageKey));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("keys of " + e.getKey() + ": " + bad.getMessage());
      }
    }
    return requests;
  }

  private Object proof(RpcParams p) {
    p.atMost(3);
    Address address = p.address(0);
    List<JsonNode> keys = p.required(1, n -> RpcObject.toList(n, k -> {
      storageKey(k);
      return k;
    }));
    if (keys.size() > MAX_PROOF_KEYS) {
      throw new JsonRpcException(JsonRpcException.LIMIT_EXCEEDED,
          "too many storage keys: " + keys.size() + ", at most " + MAX_PROOF_KEYS);
    }
    BlockHeader header = header(p, 2);
    MerklePatriciaTrie accounts = new MerklePatriciaTrie(blocks.trieNodes(header), header.stateRoot());
    byte[] accountKey = Keccak256.hash(address.toArray());
    long nonce = 0;
    UInt256 balance = UInt256.ZERO;
    byte[] storageRoot = Keccak256.EMPTY_TRIE_ROOT;
    byte[] codeHash = Keccak256.EMPTY;
    byte[] account = accounts.get(accountKey);
    if (account != null) {
      List<RlpItem> fields = Rlp.decode(account).items();
      nonce = fields.get(0).asLong();
      balance = fields.get(1).asUInt256();
      storageRoot = fields.get(2).bytes();
      codeHash = fields.get(3).bytes();
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("address", address.toHexString());
    o.set("accountProof", nodes(accounts.proof(accountKey)));
    o.put("balance", Hex.quantity(balance));
    o.put("codeHash", Hex.data(codeHash));
    o.put("nonce", Hex.quantity(nonce));
    o.put("storageHash", Hex.data(storageRoot));
    ArrayNode storageProofs = o.putArray("storageProof");
    MerklePatriciaTrie storage = new MerklePatriciaTrie(blocks.trieNodes(header), storageRoot);
    for (JsonNode key : keys) {
      byte[] slotKey = Keccak256.hash(storageKey(key).toBytes());
      byte[] stored = storage.get(slotKey);
      ObjectNode entry = storageProofs.addObject();
      entry.put("key", key.textValue());
      entry.put("value", Hex.quantity(stored == null ? UInt256.ZERO : Rlp.decode(stored).asUInt256()));
      entry.set("proof", nodes(storage.proof(slotKey)));
    }
    return o;
  }

  private static ArrayNode nodes(List<byte[]> proof) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    proof.forEach(node -> list.add(Hex.data(node)));
    return list;
  }
}
