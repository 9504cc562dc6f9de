package io.nativerollups.node.rpc.debug;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.TransactionListener;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import java.util.function.IntFunction;

/**
 * Re-executes a stored block on a private copy of its parent's state with the chain's own block
 * processor (system calls, plugin hooks and all), handing chosen transactions to tracers: what
 * debug_traceTransaction and debug_traceBlock* replay. Execution stops after the last traced
 * transaction.
 */
final class BlockReplayer {
  private final Blockchain chain;
  private final BlockResolver blocks;

  BlockReplayer(BlockResolver blocks) {
    this.chain = blocks.chain();
    this.blocks = blocks;
  }

  /** Ends the replay once the last traced transaction ran. */
  private static final class Done extends RuntimeException {
    Done() {
      super(null, null, false, false);
    }
  }

  /**
   * Replays {@code block} up to transaction {@code lastTraced}, tracing transaction {@code i} with
   * {@code tracers.apply(i)} (null: untraced).
   *
   * @throws JsonRpcException -32000 for the genesis block or a parent whose state is gone
   */
  void replay(Block block, int lastTraced, IntFunction<OperationTracer> tracers) {
    BlockHeader header = block.header();
    if (header.number() == 0) {
      throw JsonRpcException.serverError("genesis is not traceable");
    }
    BlockHeader parent = chain.headerByHash(header.parentHash())
        .orElseThrow(() -> JsonRpcException.serverError("parent of block " + header.number() + " not found"));
    WorldState world = blocks.state(parent);
    TransactionListener listener = new TransactionListener() {
      @Override
      public OperationTracer tracer(int index, Transaction tx) {
        return tracers.apply(index);
      }

      @Override
      public void afterTransaction(int index, Transaction tx, TransactionResult result, WorldState state) {
        if (index == lastTraced) {
          throw new Done();
        }
      }
    };
    try {
      chain.blockProcessor().execute(world, block, h -> chain.headerByHash(h).orElse(null), listener);
    } catch (Done done) {
      // every traced transaction ran
    } catch (InvalidBlockException e) {
      throw new JsonRpcException(JsonRpcException.INTERNAL_ERROR, "stored block fails re-execution: " + e.getMessage());
    }
  }
}
