package io.nativerollups.node.rpc.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.txpool.PooledBlob;
import io.nativerollups.node.txpool.TransactionPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * engine_getBlobsV1, V2 and V3: blobs of the pool's blob transactions by versioned hash, for a
 * consensus client that saw a transaction's hashes in a block before the blobs on the network.
 * V1 answers {@code BlobAndProofV1} (the EIP-4844 proof) and is refused once Osaka is active; V2
 * and V3 answer {@code BlobAndProofV2} (the EIP-7594 cell proofs), V2 all or nothing, V3 with null
 * in place of each blob it does not have.
 */
final class EngineBlobMethods {
  /** Most versioned hashes one call may ask for; the spec asks to serve at least 128. */
  static final int MAX_REQUEST = 128;

  private final Blockchain chain;
  private final TransactionPool pool;

  EngineBlobMethods(Blockchain chain, TransactionPool pool) {
    this.chain = chain;
    this.pool = pool;
  }

  void registerTo(RpcMethodRegistry r) {
    r.registerMethod("engine_getBlobsV1", p -> {
      if (chain.config().forkAt(chain.head().timestamp()).rules().isAtLeast(Fork.OSAKA)) {
        throw new JsonRpcException(EngineMethods.UNSUPPORTED_FORK, "Unsupported fork");
      }
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      // A blob pooled with cell proofs has no single blob proof to give.
      blobs(p).forEach(b -> out.add(b.filter(blob -> !blob.cellProofs()).map(EngineBlobMethods::blobAndProofV1)
          .orElse(null)));
      return out;
    });
    r.registerMethod("engine_getBlobsV2", p -> {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (Optional<PooledBlob> b : blobs(p)) {
        if (b.isEmpty() || !b.get().cellProofs()) {
          return null;
        }
        out.add(blobAndProofV2(b.get()));
      }
      return out;
    });
    r.registerMethod("engine_getBlobsV3", p -> {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      blobs(p).forEach(b -> out.add(b.filter(PooledBlob::cellProofs).map(EngineBlobMethods::blobAndProofV2)
          .orElse(null)));
      return out;
    });
  }

  /** The pooled blob for each versioned hash asked for, in order. */
  private List<Optional<PooledBlob>> blobs(RpcParams p) {
    p.atMost(1);
    List<byte[]> hashes = p.required(0, n -> RpcObject.toList(n, RpcObject::toHash));
    if (hashes.size() > MAX_REQUEST) {
      throw EngineMethods.tooLargeRequest();
    }
    List<Optional<PooledBlob>> out = new ArrayList<>(hashes.size());
    hashes.forEach(h -> out.add(pool.blob(h)));
    return out;
  }

  private static ObjectNode blobAndProofV1(PooledBlob blob) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("blob", Hex.data(blob.blob()));
    o.put("proof", Hex.data(blob.proofs().get(0)));
    return o;
  }

  private static ObjectNode blobAndProofV2(PooledBlob blob) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("blob", Hex.data(blob.blob()));
    ArrayNode proofs = o.putArray("proofs");
    blob.proofs().forEach(proof -> proofs.add(Hex.data(proof)));
    return o;
  }
}
