package io.nativerollups.evm.block;

import io.nativerollups.evm.types.Address;

/** The system address and the system contracts that block processing calls. */
public final class SystemContracts {
  private SystemContracts() {}

  /** The caller of every system call (EIP-4788). */
  public static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  /** EIP-4788 beacon block roots, called with the parent beacon block root from Cancun. */
  public static final Address BEACON_ROOTS = Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  /** EIP-2935 history storage, called with the parent hash from Prague. */
  public static final Address HISTORY_STORAGE = Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935");
  /** EIP-7002 withdrawal requests, called after the transactions from Prague. */
  public static final Address WITHDRAWAL_REQUESTS = Address.fromHex("0x00000961Ef480Eb55e80D19ad83579A64c007002");
  /** EIP-7251 consolidation requests, called after the withdrawal requests from Prague. */
  public static final Address CONSOLIDATION_REQUESTS = Address.fromHex("0x0000BBdDc7CE488642fb579F8B00f3a590007251");
  /** The gas every system call gets. */
  public static final long SYSTEM_CALL_GAS = 30_000_000L;
}
