package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * eth_call's and eth_simulateV1's state overrides (execution-apis {@code StateOverrides}): per
 * address, a replacement nonce, balance and code, either {@code state} (the whole storage
 * replaced) or {@code stateDiff} (the given slots changed), and {@code movePrecompileToAddress}.
 *
 * <p>As in geth, an overridden precompile address stops being a precompile (its overrides, code
 * included, make it an ordinary account) and a moved precompile answers at its new address; a
 * move must start at a precompile and end at an address nothing else overrides or moves to.
 */
public record StateOverrides(Map<Address, AccountOverride> accounts) {
  /** No overrides. */
  public static final StateOverrides NONE = new StateOverrides(Map.of());

  private static final Set<String> FIELDS = Set.of("nonce", "balance", "code", "state", "stateDiff", "movePrecompileToAddress");

  /** execution-apis: a precompile moved onto its own address. */
  static final int MOVE_TO_ITSELF = -38022;
  /** execution-apis: two precompiles moved onto one address. */
  static final int MOVED_TWICE = -38023;

  /**
   * One account's replacements; null fields are left as they are.
   *
   * @param movePrecompileTo where the precompile at this address moves to (before {@code code} applies)
   */
  public record AccountOverride(Long nonce, UInt256 balance, byte[] code, Map<UInt256, UInt256> state,
      Map<UInt256, UInt256> stateDiff, Address movePrecompileTo) {}

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
    if (o.has("state") && o.has("stateDiff")) {
      throw new IllegalArgumentException("has both 'state' and 'stateDiff'");
    }
    return new AccountOverride(o.optionalQuantity("nonce"), o.optionalUInt256("balance"), o.optionalData("code"),
        o.optional("state", StateOverrides::slots), o.optional("stateDiff", StateOverrides::slots),
        o.optionalAddress("movePrecompileToAddress"));
  }

  /**
   * The precompiles a call runs with: {@code active} without the overridden addresses, plus the
   * moved ones at their new addresses; {@code active} itself when no override touches a precompile.
   *
   * @throws JsonRpcException -38022 for a move onto itself, -38023 for two moves onto one address,
   *     -32000 for a move from an address that is no precompile or onto one that is overridden
   */
  public Map<Address, PrecompiledContract> precompiles(Map<Address, PrecompiledContract> active) {
    Map<Address, PrecompiledContract> result = null;
    Set<Address> destinations = new HashSet<>();
    for (Map.Entry<Address, AccountOverride> e : accounts.entrySet()) {
      Address address = e.getKey();
      Address to = e.getValue().movePrecompileTo();
      PrecompiledContract precompile = active.get(address);
      if (to != null) {
        if (precompile == null) {
          throw JsonRpcException.serverError("account " + address + " is not a precompile");
        }
        if (to.equals(address)) {
          throw new JsonRpcException(MOVE_TO_ITSELF, "MovePrecompileToAddress referenced itself in replacement: "
              + address);
        }
        if (!destinations.add(to)) {
          throw new JsonRpcException(MOVED_TWICE, "Multiple MovePrecompileToAddress referencing the same address "
              + "to replace: " + to);
        }
        if (accounts.containsKey(to)) {
          throw JsonRpcException.serverError("account " + to + " is already overridden");
        }
      }
      if (precompile != null) {
        if (result == null) {
          result = new HashMap<>(active);
        }
        result.remove(address);
      }
    }
    if (result == null) {
      return active;
    }
    for (Map.Entry<Address, AccountOverride> e : accounts.entrySet()) {
      if (e.getValue().movePrecompileTo() != null) {
        result.put(e.getValue().movePrecompileTo(), active.get(e.getKey()));
      }
    }
    return result;
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
