package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.rpc.RpcObject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * eth_call's state overrides (execution-apis {@code StateOverrides}): per address, a replacement
 * nonce, balance and code, and either {@code state} (the whole storage replaced) or {@code
 * stateDiff} (the given slots changed). {@code movePrecompileToAddress} is refused: this node
 * cannot move a precompile.
 */
public record StateOverrides(Map<Address, AccountOverride> accounts) {
  /** No overrides. */
  public static final StateOverrides NONE = new StateOverrides(Map.of());

  private static final Set<String> FIELDS = Set.of("nonce", "balance", "code", "state", "stateDiff", "movePrecompileToAddress");

  /** One account's replacements; null fields are left as they are. */
  public record AccountOverride(Long nonce, UInt256 balance, byte[] code, Map<UInt256, UInt256> state,
      Map<UInt256, UInt256> stateDiff) {}

  /** Parses {@code {address: override}}; the {@link IllegalArgumentException} names what is wrong. */
  public static StateOverrides parse(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("state overrides must be an object keyed by address");
    }
    Map<Address, AccountOverride> accounts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Address address;
      try {
        address = RpcObject.toAddress(JsonNodeFactory.instance.textNode(e.getKey()));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("override key " + e.getKey() + ": " + bad.getMessage());
      }
      try {
        accounts.put(address, account(e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("override of " + address + ": " + bad.getMessage());
      }
    }
    return new StateOverrides(accounts);
  }

  private static AccountOverride account(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(FIELDS);
    if (o.has("movePrecompileToAddress")) {
      throw new IllegalArgumentException("movePrecompileToAddress is not supported");
    }
    if (o.has("state") && o.has("stateDiff")) {
      throw new IllegalArgumentException("has both 'state' and 'stateDiff'");
    }
    return new AccountOverride(o.optionalQuantity("nonce"), o.optionalUInt256("balance"), o.optionalData("code"),
        o.optional("state", StateOverrides::slots), o.optional("stateDiff", StateOverrides::slots));
  }

  private static Map<UInt256, UInt256> slots(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("storage must be an object of 32-byte keys to 32-byte values");
    }
    Map<UInt256, UInt256> slots = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      UInt256 key = UInt256.fromBytes(RpcObject.toHash(JsonNodeFactory.instance.textNode(e.getKey())));
      slots.put(key, UInt256.fromBytes(RpcObject.toHash(e.getValue())));
    }
    return slots;
  }

  /** Writes the overrides into {@code world} (a private copy) as pre-state, before the call runs. */
  public void applyTo(WorldState world) {
    for (Map.Entry<Address, AccountOverride> e : accounts.entrySet()) {
      Address address = e.getKey();
      AccountOverride o = e.getValue();
      if (o.state() != null) {
        // createAccount clears the storage (and nonce and code, which are put back)
        long nonce = world.getNonce(address);
        byte[] code = world.getCode(address);
        world.createAccount(address);
        world.setNonce(address, nonce);
        world.setCode(address, code);
        o.state().forEach((k, v) -> world.setStorage(address, k, v));
      }
      if (o.stateDiff() != null) {
        o.stateDiff().forEach((k, v) -> world.setStorage(address, k, v));
      }
      if (o.nonce() != null) {
        world.setNonce(address, o.nonce());
      }
      if (o.balance() != null) {
        world.setBalance(address, o.balance());
      }
      if (o.code() != null) {
        world.setCode(address, o.code());
      }
    }
    world.commitTransaction();
  }
}
