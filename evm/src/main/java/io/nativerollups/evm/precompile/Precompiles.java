package io.nativerollups.evm.precompile;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.types.Address;
import java.util.HashMap;
import java.util.Map;

/**
 * The precompiled contracts of each fork, built fork on fork: Prague starts from Cancun's set and
 * Osaka from Prague's, each adding or replacing contracts.
 *
 * <p>Not yet in the map: BN254 (0x06-0x08) and the EIP-2537 BLS12-381 contracts (0x0b-0x11),
 * which the {@code precompile.bn254} and {@code precompile.bls} packages add when they land.
 */
public final class Precompiles {

  private Precompiles() {}

  /** A new mutable map of the precompiles active in {@code fork}, keyed by address. */
  public static Map<Address, PrecompiledContract> forFork(Fork fork) {
    return switch (fork) {
      case CANCUN -> cancun();
      case PRAGUE -> prague();
      case OSAKA -> osaka();
    };
  }

  private static Map<Address, PrecompiledContract> cancun() {
    Map<Address, PrecompiledContract> map = new HashMap<>();
    map.put(Address.ofLong(0x01), new EcrecoverPrecompile());
    map.put(Address.ofLong(0x02), new Sha256Precompile());
    map.put(Address.ofLong(0x03), new Ripemd160Precompile());
    map.put(Address.ofLong(0x04), new IdentityPrecompile());
    map.put(Address.ofLong(0x05), new ModExpPrecompile());
    map.put(Address.ofLong(0x09), new Blake2fPrecompile());
    map.put(Address.ofLong(0x0a), new KzgPointEvaluationPrecompile());
    return map;
  }

  private static Map<Address, PrecompiledContract> prague() {
    return cancun();
  }

  private static Map<Address, PrecompiledContract> osaka() {
    Map<Address, PrecompiledContract> map = prague();
    map.put(Address.ofLong(0x05), new OsakaModExpPrecompile()); // EIP-7823, EIP-7883
    map.put(Address.ofLong(0x100), new P256VerifyPrecompile()); // EIP-7951
    return map;
  }
}
