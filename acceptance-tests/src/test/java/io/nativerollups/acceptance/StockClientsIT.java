package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;

/**
 * Stock Ethereum clients other than web3j work against the node out of the box: the scripts in
 * {@code acceptance-tests/js/} run a user's flows with ethers v6, viem and Foundry's cast over HTTP
 * and WebSocket, and exit non-zero on the first value that is not what Ethereum gives. Each script
 * signs with its own dev account, so the flows do not share nonces or balances.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class StockClientsIT {
  private static final Path JS_DIR = Paths.repoRoot().resolve("acceptance-tests/js");
  private static final Path CAST = JS_DIR.resolve("node_modules/@foundry-rs/cast-linux-amd64/bin/cast");
  /** Longer than the scripts' own 150 s deadline, so they report the step they were in. */
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
  private static NodeProcess node;

  @BeforeAll
  static void installClientsAndStartNode() {
    if (NodeJs.installed()) {
      NodeJs.installUnlessPresent(JS_DIR, "ethers");
      node = NodeProcess.builder("stock-clients").inMemory().start();
    }
  }

  /** Per test, not per class: without Node.js each flow is reported as skipped, with the reason. */
  @BeforeEach
  void requireNodeJs() {
    Assumptions.assumeTrue(NodeJs.installed(), "Node.js not installed: this stock-client flow did not run "
        + "(bin/test installs the clients in acceptance-tests/js when Node.js 20 is present)");
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(null, node);
  }

  @Test
  void ethersTransfersDeploysCallsDecodesRevertsAndListensOverWebSocket() {
    runFlow("ethers-flow.mjs", DevAccounts.ALICE);
  }

  @Test
  void viemOnACustomChainSimulatesWritesReadsLogsAndWatchesOverWebSocket() {
    runFlow("viem-flow.mjs", DevAccounts.BOB);
  }

  @Test
  void castSendsDeploysCallsEstimatesAndReadsLogsStorageAndBlocks() {
    Assumptions.assumeTrue(Files.isExecutable(CAST), "no cast binary at " + CAST
        + ": npm installs @foundry-rs/cast-linux-amd64 (an optional dependency) on Linux x64 only");
    runFlow("cast-flow.mjs", DevAccounts.CAROL);
  }

  private static void runFlow(String script, Credentials account) {
    NodeJs.Result result = NodeJs.run(JS_DIR, SCRIPT_TIMEOUT, List.of("node", script,
        "--rpc", node.httpUrl(), "--ws", node.wsUrl(),
        "--key", "0x" + HexFormat.of().formatHex(DevAccounts.privateKey(account))));
    assertEquals(0, result.exitCode(), result.report());
  }
}
