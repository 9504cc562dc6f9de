package io.nativerollups.evmtool.blocktest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.witness.ExecutionWitness;
import io.nativerollups.evm.witness.InvalidWitnessException;
import io.nativerollups.evm.witness.StatelessExecutor;
import io.nativerollups.evm.witness.WitnessRecorder;
import io.nativerollups.evmtool.EvmTool;
import io.nativerollups.evmtool.Fixtures;
import io.nativerollups.evmtool.statetest.StateTestRunner;
import io.nativerollups.evmtool.statetest.StateTestSuite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * ethereum/tests BlockchainTests/ValidBlocks (Cancun): every accepted block re-executed from the
 * witness recorded against full state gives the header's roots; and on a sample of blocks, a
 * witness with any one entry removed or altered fails the stateless run cleanly.
 */
class StatelessValidBlocksTest {
  /** Every how many fixture files one is sampled for the entry-by-entry mutation test. */
  private static final int SAMPLE_EVERY = 12;

  private static Path validBlocks() {
    return Fixtures.ethereumTests().resolve("BlockchainTests/ValidBlocks");
  }

  @Test
  void everyValidBlockReexecutesStatelesslyWithTheSameRoots() throws Exception {
    List<Path> files = StateTestSuite.fixtureFiles(List.of(validBlocks()));
    List<String> failures = new ArrayList<>();
    BlockTestSuite.Summary summary = new BlockTestSuite(null, Runtime.getRuntime().availableProcessors(), true)
        .run(files, r -> {
          if (r.status() == BlockTestResult.Status.FAILED) {
            failures.add(r.failureLine());
          }
        });
    assertTrue(summary.passed() > 400, "too few tests ran: " + summary.line());
    assertTrue(failures.isEmpty(), summary.line() + "\n" + String.join("\n", failures));
  }

  @Test
  void blockTestCommandRunsStatelesslyWithTheFlag() {
    StringWriter out = new StringWriter();
    CommandLine cli = EvmTool.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int status = cli.execute("block-test", "--stateless",
        validBlocks().resolve("bcValidBlockTest/SimpleTx.json").toString());
    assertEquals(0, status, out.toString());
    assertTrue(out.toString().contains("1 passed, 0 failed"), out.toString());
  }

  @Test
  void removingOrAlteringAnyOneWitnessEntryOfSampledBlocksFailsCleanly() throws Exception {
    List<Path> files = StateTestSuite.fixtureFiles(List.of(validBlocks()));
    int sampledBlocks = 0;
    int variants = 0;
    for (int f = 0; f < files.size(); f += SAMPLE_EVERY) {
      for (BlockTest test : BlockTestParser.parse(files.get(f))) {
        ChainConfig config = Networks.chainConfig(test.network(), test.chainId(), test.blobSchedule());
        if (config == null || test.blocks().isEmpty() || test.blocks().get(0).mustBeRejected()) {
          continue;
        }
        BlockProcessor processor = new BlockProcessor(config);
        BlockHeader genesis = BlockHeader.decode(Rlp.decode(test.genesisRlp()).items().get(0));
        InMemoryWorldState pre = StateTestRunner.preState(test.pre());
        InMemoryNodeStore nodes = new InMemoryNodeStore();
        InMemoryNodeStore codes = new InMemoryNodeStore();
        pre.commit(nodes, codes);
        Block block = Block.decode(test.blocks().get(0).rlp());
        ExecutionWitness witness = new WitnessRecorder(processor)
            .record(block, h -> Arrays.equals(h, genesis.hash()) ? genesis : null, nodes, codes).witness();
        StatelessExecutor stateless = new StatelessExecutor(processor);
        assertArrayEquals(block.header().stateRoot(), stateless.execute(block, witness).stateRoot(), test.name());
        sampledBlocks++;
        for (int part = 0; part < 3; part++) {
          for (int i = 0; i < parts(witness).get(part).size(); i++) {
            for (boolean remove : new boolean[] {true, false}) {
              ExecutionWitness variant = oneEntryChanged(witness, part, i, remove);
              assertThrows(InvalidWitnessException.class, () -> stateless.execute(block, variant),
                  test.name() + (remove ? " without" : " with altered") + " entry " + i + " of part " + part);
              variants++;
            }
          }
        }
      }
    }
    assertTrue(sampledBlocks >= 10, "sampled only " + sampledBlocks + " blocks");
    assertTrue(variants > 10 * sampledBlocks, "only " + variants + " variants");
  }

  private static List<List<byte[]>> parts(ExecutionWitness w) {
    return List.of(w.state(), w.codes(), w.headers());
  }

  /** {@code w} with entry {@code i} of list {@code part} removed, or with one bit of it flipped. */
  private static ExecutionWitness oneEntryChanged(ExecutionWitness w, int part, int i, boolean remove) {
    List<List<byte[]>> copy = new ArrayList<>();
    for (List<byte[]> list : parts(w)) {
      copy.add(new ArrayList<>(list));
    }
    List<byte[]> target = copy.get(part);
    if (remove) {
      target.remove(i);
    } else {
      byte[] altered = target.get(i).clone();
      altered[altered.length - 1] ^= 1;
      target.set(i, altered);
    }
    assertEquals(parts(w).get(part).size() - (remove ? 1 : 0), target.size());
    return new ExecutionWitness(copy.get(0), copy.get(1), copy.get(2));
  }
}
