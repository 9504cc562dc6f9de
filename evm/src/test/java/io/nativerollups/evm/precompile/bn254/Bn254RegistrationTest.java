package io.nativerollups.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.precompile.Precompiles;
import io.nativerollups.evm.types.Address;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Bn254RegistrationTest {

  @Test
  void everyForkServesBn254At0x06To0x08() {
    for (Fork fork : Fork.values()) {
      Map<Address, PrecompiledContract> precompiles = Precompiles.forFork(fork);
      assertInstanceOf(Bn254AddPrecompile.class, precompiles.get(Address.ofLong(0x06)));
      assertInstanceOf(Bn254MulPrecompile.class, precompiles.get(Address.ofLong(0x07)));
      assertInstanceOf(Bn254PairingPrecompile.class, precompiles.get(Address.ofLong(0x08)));
    }
  }
}
