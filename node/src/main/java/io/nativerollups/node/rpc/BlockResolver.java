package io.nativerollups.node.rpc;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.NodeStore;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.json.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the block a {@link BlockParameter} names in the chain. {@code pending} is the {@link
 * PendingBlock} built from the pool on the head (or the head itself for a resolver made without
 * one); {@code safe} and {@code finalized} are the forkchoice's, and an error -39001 while the
 * consensus layer has set none.
 */
public final class BlockResolver {
  private static final byte[] ZERO_HASH = new byte[32];

  private final Blockchain chain;
  private final PendingBlock pending;

  /** A resolver for which {@code pending} is the head. */
  public BlockResolver(Blockchain chain) {
    this(chain, null);
  }

  /** A resolver for which {@code pending} is {@code pending}'s block (null: the head). */
  public BlockResolver(Blockchain chain, PendingBlock pending) {
    this.chain = chain;
    this.pending = pending;
  }

  /** The chain blocks are found in. */
  public Blockchain chain() {
    return chain;
  }

  /** Whether {@code p} is the {@code pending} tag. */
  public static boolean isPending(BlockParameter p) {
    return p instanceof BlockParameter.Named n && n.tag() == BlockParameter.Tag.PENDING;
  }

  /** The header {@code p} names, or empty for a number beyond the head or an unknown hash. */
  public Optional<BlockHeader> header(BlockParameter p) {
    return switch (p) {
      case BlockParameter.Named n -> switch (n.tag()) {
        case LATEST -> Optional.of(chain.head());
        case PENDING -> Optional.of(pending == null ? chain.head() : pending.get().block().header());
        case EARLIEST -> chain.headerByNumber(0);
        case SAFE -> chain.headerByHash(forkchoiceHash(chain.safeHash(), "safe"));
        case FINALIZED -> chain.headerByHash(forkchoiceHash(chain.finalizedHash(), "finalized"));
      };
      case BlockParameter.Number n -> chain.headerByNumber(n.number());
      case BlockParameter.Hash h -> chain.headerByHash(h.hash()).map(header -> {
        if (h.requireCanonical() && !isCanonical(header)) {
          throw JsonRpcException.serverError("hash " + Hex.data(h.hash())
              + " is not currently canonical");
        }
        return header;
      });
    };
  }

  /** The block {@code p} names, or empty. */
  public Optional<Block> block(BlockParameter p) {
    if (p instanceof BlockParameter.Number n) {
      return chain.blockByNumber(n.number());
    }
    if (pending != null && isPending(p)) {
      return Optional.of(pending.get().block());
    }
    return header(p).flatMap(h -> chain.blockByHash(h.hash()));
  }

  /**
   * The header whose state a state query reads.
   *
   * @throws JsonRpcException -32000 "header not found" (geth's answer) when there is no such block
   */
  public BlockHeader stateHeader(BlockParameter p) {
    return header(p).orElseThrow(() -> JsonRpcException.serverError(
        p instanceof BlockParameter.Hash ? "header for hash not found" : "header not found"));
  }

  /**
   * A private copy of the state after {@code header}'s block.
   *
   * @throws JsonRpcException -32000 when the chain no longer holds that state
   */
  public WorldState state(BlockHeader header) {
    Optional<PendingBlock.Built> built = pendingBuild(header);
    if (built.isPresent()) {
      return built.get().state();
    }
    try {
      return chain.stateAt(header.hash());
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.serverError("state not available: " + e.getMessage());
    }
  }

  /** The receipts of {@code block}, a stored block or the pending one. */
  public List<Receipt> receipts(Block block) {
    return pendingBuild(block.header()).map(PendingBlock.Built::receipts)
        .orElseGet(() -> chain.receipts(block.header().hash()));
  }

  /** The trie nodes {@code header}'s state root opens on (eth_getProof): the pending block's over the chain's, or the chain's. */
  public NodeStore trieNodes(BlockHeader header) {
    return pendingBuild(header).map(PendingBlock.Built::trieNodes).orElseGet(chain::trieNodes);
  }

  private Optional<PendingBlock.Built> pendingBuild(BlockHeader header) {
    return pending == null ? Optional.empty() : pending.built(header);
  }

  /** Whether {@code header} is the canonical block at its height. */
  public boolean isCanonical(BlockHeader header) {
    return chain.headerByNumber(header.number()).map(c -> Arrays.equals(c.hash(), header.hash())).orElse(false);
  }

  private static byte[] forkchoiceHash(byte[] hash, String which) {
    if (hash == null || Arrays.equals(hash, ZERO_HASH)) {
      throw new JsonRpcException(JsonRpcException.UNKNOWN_BLOCK, which + " block not found");
    }
    return hash;
  }
}
