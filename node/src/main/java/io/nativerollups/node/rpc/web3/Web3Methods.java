package io.nativerollups.node.rpc.web3;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.json.Hex;

/**
 * The client and network identity: web3_clientVersion, web3_sha3, net_version (the chain id in
 * decimal, as other clients answer), net_listening and net_peerCount (a devnet node has no peers).
 */
public final class Web3Methods {
  private final String clientVersion;
  private final long chainId;

  public Web3Methods(String clientVersion, long chainId) {
    this.clientVersion = clientVersion;
    this.chainId = chainId;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("web3_clientVersion", RpcMethod.withoutParams(() -> clientVersion));
    r.registerMethod("web3_sha3", p -> {
      p.atMost(1);
      return Hex.data(Keccak256.hash(p.data(0)));
    });
    r.registerMethod("net_version", RpcMethod.withoutParams(() -> Long.toUnsignedString(chainId)));
    r.registerMethod("net_listening", RpcMethod.withoutParams(() -> true));
    r.registerMethod("net_peerCount", RpcMethod.withoutParams(() -> "0x0"));
  }
}
