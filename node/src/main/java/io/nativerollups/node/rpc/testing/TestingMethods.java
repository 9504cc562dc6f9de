package io.nativerollups.node.rpc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionDecoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.tx.TransactionType;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.mining.BlockBuilder;
import io.nativerollups.node.mining.BuiltPayload;
import io.nativerollups.node.mining.PayloadAttributes;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.engine.EngineMethods;
import io.nativerollups.node.rpc.engine.ExecutionPayloads;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * testing_buildBlockV1 (execution-apis {@code testing/}): builds a block on a given parent with the
 * given payload attributes and either exactly the given transactions, in order, or (when the list
 * is JSON null) the pool's, optionally with a given {@code extraData}, and returns it as
 * engine_getPayload would. Nothing is imported: the chain and its head are unchanged. A given
 * transaction that cannot be included is an error naming it, since the method must include them
 * all. Meant for test networks; the node enables it only when asked.
 */
public final class TestingMethods {
  /** The longest extra data a header may carry. */
  private static final int MAX_EXTRA_DATA = 32;

  private final Blockchain chain;
  private final BlockBuilder builder;

  public TestingMethods(Blockchain chain, BlockBuilder builder) {
    this.chain = chain;
    this.builder = builder;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("testing_buildBlockV1", this::buildBlock);
  }

  private Object buildBlock(RpcParams p) {
    p.atMost(4);
    byte[] parentHash = p.hash(0);
    PayloadAttributes attributes = p.required(1, ExecutionPayloads::attributesV3);
    if (p.size() < 3) {
      throw JsonRpcException.invalidParams("missing value for required argument 2");
    }
    List<TransactionDecoder.WithSidecar> given = p.optional(2, TestingMethods::transactions, null);
    List<Transaction> txs = given == null ? null : given.stream().map(TransactionDecoder.WithSidecar::transaction).toList();
    byte[] extraData = p.optional(3, n -> {
      byte[] data = RpcObject.toData(n);
      if (data.length > MAX_EXTRA_DATA) {
        throw new IllegalArgumentException("extra data is " + data.length + " bytes, at most " + MAX_EXTRA_DATA);
      }
      return data;
    }, null);
    BlockHeader parent = chain.headerByHash(parentHash)
        .orElseThrow(() -> JsonRpcException.invalidParams("invalid argument 0: unknown parent block " + Hex.data(parentHash)));
    if (Long.compareUnsigned(attributes.timestamp(), parent.timestamp()) <= 0) {
      throw JsonRpcException.invalidParams("invalid argument 1: timestamp must be after the parent's");
    }
    List<BlobSidecar> sidecars = given == null ? List.of()
        : sidecars(given, chain.config().forkAt(attributes.timestamp()).rules().isAtLeast(Fork.OSAKA));
    BuiltPayload built;
    try {
      built = builder.buildPayload(parent, attributes, txs);
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams(e.getMessage());
    }
    if (given != null) {
      requireAllIncluded(txs, built.block());
      built = new BuiltPayload(built.block(), built.blockValue(), built.executionRequests(), sidecars);
    }
    if (extraData != null) {
      built = withExtraData(built, extraData);
    }
    return EngineMethods.payloadResponse(built);
  }

  /** Blob transactions come in their network form; their sidecars are verified here, as the pool would. */
  private static List<TransactionDecoder.WithSidecar> transactions(JsonNode node) {
    return RpcObject.toList(node, n -> {
      try {
        TransactionDecoder.WithSidecar decoded = TransactionDecoder.decodeWithSidecar(RpcObject.toData(n));
        if (decoded.sidecar() != null) {
          decoded.sidecar().verify(decoded.transaction().blobVersionedHashes());
        }
        return decoded;
      } catch (InvalidTransactionException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    });
  }

  /** The builder leaves out transactions that are invalid on the parent's state; here that is an error. */
  private static void requireAllIncluded(List<Transaction> txs, Block block) {
    List<Transaction> included = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      byte[] wanted = TransactionHasher.hash(txs.get(i));
      if (i >= included.size() || !Arrays.equals(wanted, TransactionHasher.hash(included.get(i)))) {
        throw JsonRpcException.serverError("transaction " + i + " (" + Hex.data(wanted)
            + ") cannot be included: it is invalid on the parent's state or exceeds the block's gas");
      }
    }
  }

  /**
   * The given blob transactions' sidecars for the blobs bundle: each blob transaction must come in
   * its network form, in the block's fork form (cell proofs from Osaka).
   */
  private static List<BlobSidecar> sidecars(List<TransactionDecoder.WithSidecar> given, boolean cellProofs) {
    List<BlobSidecar> sidecars = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      BlobSidecar sidecar = given.get(i).sidecar();
      if (sidecar == null) {
        if (given.get(i).transaction().type() == TransactionType.BLOB) {
          throw JsonRpcException.invalidParams("invalid argument 2: transaction " + i
              + " is a blob transaction without its sidecar (blobs, commitments, proofs)");
        }
        continue;
      }
      if (sidecar.cellProofs() != cellProofs) {
        throw JsonRpcException.invalidParams("invalid argument 2: transaction " + i + " has a blob sidecar "
            + (cellProofs ? "without" : "with") + " cell proofs, which the block's fork does not take");
      }
      sidecars.add(sidecar);
    }
    return sidecars;
  }

  /** Extra data is not read by execution, so replacing it leaves the block valid; only its hash changes. */
  private static BuiltPayload withExtraData(BuiltPayload built, byte[] extraData) {
    Block b = built.block();
    BlockHeader header = b.header().toBuilder().extraData(extraData).build();
    return new BuiltPayload(Block.of(header, new ArrayList<>(b.transactions()), b.withdrawals()),
        built.blockValue(), built.executionRequests(), built.sidecars());
  }
}
