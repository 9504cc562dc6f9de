package io.nativerollups.evmtool.blocktest;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evmtool.statetest.StateTest.PreAccount;
import java.util.List;
import java.util.Map;

/**
 * One named test of a blockchain-test fixture file (ethereum/tests BlockchainTests or
 * execution-spec-tests {@code blockchain_tests}): a genesis and pre-state, blocks to import in order
 * (some of which must be rejected), and the expected head and post-state.
 *
 * @param chainId {@code config.chainid}, 1 when absent
 * @param blobSchedule {@code config.blobSchedule} by fork name; empty when absent
 * @param postState the expected accounts, or null when only {@code postStateHash} is given
 * @param postStateHash the expected state root, or null when {@code postState} is given
 * @param unsupported why this test cannot run here (an engine-API fixture, whose blocks come as
 *     {@code engineNewPayloads}); null for a test that can
 */
public record BlockTest(
    String name,
    String network,
    long chainId,
    Map<String, BlobSchedule> blobSchedule,
    Map<Address, PreAccount> pre,
    byte[] genesisRlp,
    List<TestBlock> blocks,
    Map<Address, PreAccount> postState,
    byte[] postStateHash,
    byte[] lastBlockHash,
    String unsupported) {

  /** Why a test of a pre-Cancun network is skipped. */
  public static final String BEFORE_CANCUN = "networks before Cancun";
  /** Why an engine-API test is skipped. */
  public static final String ENGINE_FORMAT = "engine-API fixtures";

  /**
   * A block to import.
   *
   * @param expectException null when the block must be accepted; else the fixture's exception
   *     name(s), alternatives separated by {@code |}
   */
  public record TestBlock(byte[] rlp, String expectException) {
    public boolean mustBeRejected() {
      return expectException != null;
    }
  }
}
