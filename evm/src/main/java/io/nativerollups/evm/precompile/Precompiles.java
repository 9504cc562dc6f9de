package io.nativerollups.evm.precompile;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.bls.Bls12G1AddPrecompile;
import io.nativerollups.evm.precompile.bls.Bls12G1MsmPrecompile;
import io.nativerollups.evm.precompile.bls.Bls12G2AddPrecompile;
import io.nativerollups.evm.precompile.bls.Bls12G2MsmPrecompile;
import io.nativerollups.evm.precompile.bls.Bls12MapFp2ToG2Precompile;
import io.nativerollups.evm.precompile.bls.Bls12MapFpToG1Precompile;
import io.nativerollups.evm.precompile.bls.Bls12PairingPrecompile;
import io.nativerollups.evm.precompile.bn254.Bn254AddPrecompile;
import io.nativerollups.evm.precompile.bn254.Bn254MulPrecompile;
import io.nativerollups.evm.precompile.bn254.Bn254PairingPrecompile;
import io.nativerollups.evm.types.Address;
import java.util.HashMap;
import java.util.Map;

/**
 * The precompiled contracts of each fork, built fork on fork: Prague starts from Cancun's set and
 * Osaka from Prague's, each adding or replacing contracts.
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
    map.put(Address.ofLong(0x06), new Bn254AddPrecompile());
    map.put(Address.ofLong(0x07), new Bn254MulPrecompile());
    map.put(Address.ofLong(0x08), new Bn254PairingPrecompile());
    map.put(Address.ofLong(0x09), new Blake2fPrecompile());
    map.put(Address.ofLong(0x0a), new KzgPointEvaluationPrecompile());
    return map;
  }

  private static Map<Address, PrecompiledContract> prague() {
    Map<Address, PrecompiledContract> map = cancun();
    // EIP-2537: BLS12-381 operations.
    map.put(Address.ofLong(0x0b), new Bls12G1AddPrecompile());
    map.put(Address.ofLong(0x0c), new Bls12G1MsmPrecompile());
    map.put(Address.ofLong(0x0d), new Bls12G2AddPrecompile());
    map.put(Address.ofLong(0x0e), new Bls12G2MsmPrecompile());
    map.put(Address.ofLong(0x0f), new Bls12PairingPrecompile());
    map.put(Address.ofLong(0x10), new Bls12MapFpToG1Precompile());
    map.put(Address.ofLong(0x11), new Bls12MapFp2ToG2Precompile());
    return map;
  }

  private static Map<Address, PrecompiledContract> osaka() {
    Map<Address, PrecompiledContract> map = prague();
    map.put(Address.ofLong(0x05), new OsakaModExpPrecompile()); // EIP-7823, EIP-7883
    map.put(Address.ofLong(0x100), new P256VerifyPrecompile()); // EIP-7951
    return map;
  }
}
