package io.nativerollups.node.chain;

import io.nativerollups.evm.block.Block;
import java.util.List;

/**
 * How one {@link Blockchain#setHead} changed the canonical chain: the blocks that left it (a reorg
 * or a rewind) and the blocks that joined it, each list oldest first. Extending the head by one
 * block is {@code removed} empty and {@code added} that block.
 */
public record HeadChange(List<Block> removed, List<Block> added) {
  public HeadChange {
    removed = List.copyOf(removed);
    added = List.copyOf(added);
  }
}
