package io.nativerollups.node.rpc.eth;

import io.nativerollups.evm.types.Address;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import java.util.List;

/**
 * The node's own accounts and mining: eth_accounts (none: the node holds no keys), eth_coinbase
 * (the fee recipient of the blocks it seals), eth_mining (whether it seals blocks itself, dev mode),
 * eth_hashrate (zero, there is no proof of work). eth_sign, eth_signTransaction and
 * eth_sendTransaction read their parameters like geth and answer geth's "unknown account", since no
 * account is managed here, telling the caller to sign locally and use eth_sendRawTransaction.
 */
public final class EthAccountMethods {
  /** geth's accounts.ErrUnknownAccount, with the way out for a node that has no keys at all. */
  static final String UNKNOWN_ACCOUNT = "unknown account: this node holds no keys; sign the transaction"
      + " or message locally and send signed transactions with eth_sendRawTransaction";

  private final Address coinbase;
  private final boolean mining;

  /**
   * @param coinbase what eth_coinbase answers (--miner-coinbase)
   * @param mining whether the node seals blocks itself (dev mode)
   */
  public EthAccountMethods(Address coinbase, boolean mining) {
    this.coinbase = coinbase;
    this.mining = mining;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_accounts", RpcMethod.withoutParams(List::of));
    r.registerMethod("eth_coinbase", RpcMethod.withoutParams(coinbase::toHexString));
    r.registerMethod("eth_mining", RpcMethod.withoutParams(() -> mining));
    r.registerMethod("eth_hashrate", RpcMethod.withoutParams(() -> "0x0"));
    r.registerMethod("eth_sign", p -> {
      p.atMost(2);
      p.address(0);
      p.data(1);
      throw unknownAccount();
    });
    r.registerMethod("eth_signTransaction", EthAccountMethods::transactionToSign);
    r.registerMethod("eth_sendTransaction", EthAccountMethods::transactionToSign);
  }

  private static Object transactionToSign(RpcParams p) {
    p.atMost(1);
    p.required(0, CallRequest::parse);
    throw unknownAccount();
  }

  private static JsonRpcException unknownAccount() {
    return JsonRpcException.serverError(UNKNOWN_ACCOUNT);
  }
}
