package io.nativerollups.evm.precompile.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.precompile.Precompiles;
import io.nativerollups.evm.types.Address;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Bls12PrecompileRegistrationTest {

  @Test
  void cancunHasNoBlsContracts() {
    Map<Address, PrecompiledContract> cancun = Precompiles.forFork(Fork.CANCUN);
    for (long address = 0x0b; address <= 0x11; address++) {
      assertFalse(cancun.containsKey(Address.ofLong(address)));
    }
  }

  @Test
  void pragueAndOsakaMapEip2537Addresses() {
    for (Fork fork : new Fork[] {Fork.PRAGUE, Fork.OSAKA}) {
      Map<Address, PrecompiledContract> map = Precompiles.forFork(fork);
      assertInstanceOf(Bls12G1AddPrecompile.class, map.get(Address.ofLong(0x0b)));
      assertInstanceOf(Bls12G1MsmPrecompile.class, map.get(Address.ofLong(0x0c)));
      assertInstanceOf(Bls12G2AddPrecompile.class, map.get(Address.ofLong(0x0d)));
      assertInstanceOf(Bls12G2MsmPrecompile.class, map.get(Address.ofLong(0x0e)));
      assertInstanceOf(Bls12PairingPrecompile.class, map.get(Address.ofLong(0x0f)));
      assertInstanceOf(Bls12MapFpToG1Precompile.class, map.get(Address.ofLong(0x10)));
      assertInstanceOf(Bls12MapFp2ToG2Precompile.class, map.get(Address.ofLong(0x11)));
      assertFalse(map.containsKey(Address.ofLong(0x12)));
      assertEquals("BLS12_PAIRING_CHECK", map.get(Address.ofLong(0x0f)).name());
    }
  }
}
