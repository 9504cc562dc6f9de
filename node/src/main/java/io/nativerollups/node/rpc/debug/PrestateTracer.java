package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.FrameView;
import io.nativerollups.evm.tracing.StateView;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.EVM;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.json.Hex;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * geth's "prestateTracer": every account the transaction touched (sender, recipient, coinbase,
 * every frame's parties, BALANCE, EXTCODE* and SELFDESTRUCT targets) and every slot it read or
 * wrote, as they were before it: {@code {address: {balance, nonce, code, codeHash, storage}}},
 * zero nonce, empty code and empty storage left out; accounts it created out of nothing are not
 * listed. With {@code diffMode}: {@code {pre, post}} limited to the accounts it changed, post
 * holding only what changed and pre only the changed slots. {@code disableCode} and {@code
 * disableStorage} leave those out.
 */
final class PrestateTracer implements JsonTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int BALANCE = 0x31;
  private static final int EXTCODESIZE = 0x3b;
  private static final int EXTCODECOPY = 0x3c;
  private static final int EXTCODEHASH = 0x3f;
  private static final int SELFDESTRUCT = 0xff;

  /** An account as it was before the transaction. */
  private record Account(boolean existed, UInt256 balance, long nonce, byte[] code, byte[] codeHash,
      Map<UInt256, UInt256> storage) {}

  private final boolean diffMode;
  private final boolean disableCode;
  private final boolean disableStorage;
  private final Map<Address, Account> pre = new LinkedHashMap<>();
  private final Set<Address> created = new HashSet<>();
  private StateView state;
  private JsonNode result = JSON.objectNode();

  private PrestateTracer(boolean diffMode, boolean disableCode, boolean disableStorage) {
    this.diffMode = diffMode;
    this.disableCode = disableCode;
    this.disableStorage = disableStorage;
  }

  /**
   * Reads {@code tracerConfig} (null for the defaults) once and makes prestate tracers with it.
   *
   * @throws IllegalArgumentException for a bad tracerConfig
   */
  static Supplier<JsonTracer> configured(JsonNode tracerConfig) {
    if (tracerConfig == null) {
      return () -> new PrestateTracer(false, false, false);
    }
    RpcObject config = new RpcObject(tracerConfig);
    boolean diffMode = TraceOptions.flag(config, "diffMode");
    boolean disableCode = TraceOptions.flag(config, "disableCode");
    boolean disableStorage = TraceOptions.flag(config, "disableStorage");
    return () -> new PrestateTracer(diffMode, disableCode, disableStorage);
  }

  private void lookUp(Address address) {
    if (!pre.containsKey(address)) {
      pre.put(address, new Account(state.exists(address), state.balance(address), state.nonce(address),
          state.code(address), state.codeHash(address), new TreeMap<>()));
    }
  }

  @Override
  public void onTransactionStart(Transaction tx, BlockContext block, StateView state) {
    this.state = state;
    lookUp(tx.sender());
    lookUp(tx.to() != null ? tx.to() : EVM.createAddress(tx.sender(), tx.nonce()));
    lookUp(block.coinbase());
  }

  @Override
  public void onFrameEnter(FrameType type, int depth, Address from, Address to, UInt256 value, byte[] input,
      long gas) {
    lookUp(from);
    lookUp(to);
    if (type.isCreate()) {
      created.add(to);
    }
  }

  @Override
  public void onStepStart(int pc, int opcode, long gas, FrameView frame) {
    if ((opcode == BALANCE || opcode == EXTCODESIZE || opcode == EXTCODECOPY || opcode == EXTCODEHASH
        || opcode == SELFDESTRUCT) && frame.stackSize() > 0) {
      lookUp(Address.fromWord(frame.stackItem(0).toBytes()));
    }
  }

  @Override
  public void onStorageAccess(UInt256 key, UInt256 value, boolean write, FrameView frame) {
    Address address = frame.address();
    lookUp(address);
    pre.get(address).storage().putIfAbsent(key, state.storage(address, key));
  }

  @Override
  public void onTransactionEnd(Transaction tx, TransactionResult result, StateView state) {
    this.result = diffMode ? diff(state) : accounts(withoutNewlyCreated(pre), true);
  }

  /** Accounts the transaction created where nothing was have no prestate. */
  private Map<Address, Account> withoutNewlyCreated(Map<Address, Account> accounts) {
    Map<Address, Account> out = new LinkedHashMap<>(accounts);
    for (Address a : created) {
      Account before = pre.get(a);
      if (before != null && !before.existed()) {
        out.remove(a);
      }
    }
    return out;
  }

  private ObjectNode diff(StateView after) {
    Map<Address, Account> changedPre = new LinkedHashMap<>();
    Map<Address, Account> post = new LinkedHashMap<>();
    pre.forEach((address, before) -> {
      Map<UInt256, UInt256> preSlots = new TreeMap<>();
      Map<UInt256, UInt256> postSlots = new TreeMap<>();
      before.storage().forEach((key, old) -> {
        UInt256 now = after.storage(address, key);
        if (!now.equals(old)) {
          if (!old.isZero()) {
            preSlots.put(key, old);
          }
          if (!now.isZero()) {
            postSlots.put(key, now);
          }
        }
      });
      UInt256 balance = after.balance(address);
      long nonce = after.nonce(address);
      byte[] code = after.code(address);
      boolean balanceChanged = !balance.equals(before.balance());
      boolean nonceChanged = nonce != before.nonce();
      boolean codeChanged = !Arrays.equals(code, before.code());
      if (balanceChanged || nonceChanged || codeChanged || !preSlots.equals(postSlots)) {
        changedPre.put(address, new Account(before.existed(), before.balance(), before.nonce(), before.code(),
            before.codeHash(), preSlots));
        post.put(address, new Account(true, balanceChanged ? balance : null, nonceChanged ? nonce : 0,
            codeChanged ? code : new byte[0], codeChanged ? after.codeHash(address) : null, postSlots));
      }
    });
    ObjectNode o = JSON.objectNode();
    o.set("post", accounts(post, false));
    o.set("pre", accounts(withoutNewlyCreated(changedPre), true));
    return o;
  }

  private ObjectNode accounts(Map<Address, Account> accounts, boolean withBalance) {
    ObjectNode out = JSON.objectNode();
    accounts.forEach((address, account) -> {
      ObjectNode o = out.putObject(address.toHexString());
      if (account.balance() != null) {
        o.put("balance", account.balance().toHexString());
      } else if (withBalance) {
        o.put("balance", "0x0");
      }
      if (account.nonce() != 0) {
        o.put("nonce", account.nonce());
      }
      if (!disableCode && account.code().length > 0) {
        o.put("code", Hex.data(account.code()));
        o.put("codeHash", Hex.data(account.codeHash()));
      }
      if (!disableStorage && !account.storage().isEmpty()) {
        ObjectNode storage = o.putObject("storage");
        account.storage().forEach((k, v) -> storage.put(k.toPaddedHexString(), v.toPaddedHexString()));
      }
    });
    return out;
  }

  @Override
  public JsonNode result() {
    return result;
  }
}
