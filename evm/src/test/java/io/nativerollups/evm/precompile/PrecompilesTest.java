package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecompilesTest {

  @Test
  void cancunHasTheCancunContracts() {
    Map<Address, PrecompiledContract> cancun = Precompiles.forFork(Fork.CANCUN);
    assertInstanceOf(EcrecoverPrecompile.class, cancun.get(Address.ofLong(1)));
    assertInstanceOf(Sha256Precompile.class, cancun.get(Address.ofLong(2)));
    assertInstanceOf(Ripemd160Precompile.class, cancun.get(Address.ofLong(3)));
    assertInstanceOf(IdentityPrecompile.class, cancun.get(Address.ofLong(4)));
    assertEquals(ModExpPrecompile.class, cancun.get(Address.ofLong(5)).getClass());
    assertInstanceOf(Bn254AddPrecompile.class, cancun.get(Address.ofLong(6)));
    assertInstanceOf(Bn254MulPrecompile.class, cancun.get(Address.ofLong(7)));
    assertInstanceOf(Bn254PairingPrecompile.class, cancun.get(Address.ofLong(8)));
    assertInstanceOf(Blake2fPrecompile.class, cancun.get(Address.ofLong(9)));
    assertInstanceOf(KzgPointEvaluationPrecompile.class, cancun.get(Address.ofLong(0x0a)));
    assertFalse(cancun.containsKey(Address.ofLong(0x0b)));
    assertFalse(cancun.containsKey(Address.ofLong(0x100)));
    assertEquals(10, cancun.size());
  }

  @Test
  void pragueAddsEip2537AtItsAddresses() {
    Map<Address, PrecompiledContract> prague = Precompiles.forFork(Fork.PRAGUE);
    assertInstanceOf(Bls12G1AddPrecompile.class, prague.get(Address.ofLong(0x0b)));
    assertInstanceOf(Bls12G1MsmPrecompile.class, prague.get(Address.ofLong(0x0c)));
    assertInstanceOf(Bls12G2AddPrecompile.class, prague.get(Address.ofLong(0x0d)));
    assertInstanceOf(Bls12G2MsmPrecompile.class, prague.get(Address.ofLong(0x0e)));
    assertInstanceOf(Bls12PairingPrecompile.class, prague.get(Address.ofLong(0x0f)));
    assertInstanceOf(Bls12MapFpToG1Precompile.class, prague.get(Address.ofLong(0x10)));
    assertInstanceOf(Bls12MapFp2ToG2Precompile.class, prague.get(Address.ofLong(0x11)));
    assertFalse(prague.containsKey(Address.ofLong(0x12)));
    assertEquals(17, prague.size());
  }

  @Test
  void pragueKeepsCancunPricing() {
    Map<Address, PrecompiledContract> prague = Precompiles.forFork(Fork.PRAGUE);
    assertEquals(ModExpPrecompile.class, prague.get(Address.ofLong(5)).getClass());
    assertFalse(prague.containsKey(Address.ofLong(0x100)));
    assertTrue(prague.keySet().containsAll(Precompiles.forFork(Fork.CANCUN).keySet()));
  }

  @Test
  void osakaRepricesModExpAndAddsP256Verify() {
    Map<Address, PrecompiledContract> osaka = Precompiles.forFork(Fork.OSAKA);
    assertInstanceOf(OsakaModExpPrecompile.class, osaka.get(Address.ofLong(5)));
    assertInstanceOf(P256VerifyPrecompile.class, osaka.get(Address.ofLong(0x100)));
    assertEquals(18, osaka.size());
    assertTrue(osaka.keySet().containsAll(Precompiles.forFork(Fork.PRAGUE).keySet()));
  }

  @Test
  void eachCallGivesAFreshMutableMap() {
    Map<Address, PrecompiledContract> first = Precompiles.forFork(Fork.OSAKA);
    Map<Address, PrecompiledContract> second = Precompiles.forFork(Fork.OSAKA);
    assertNotSame(first, second);
    first.remove(Address.ofLong(1));
    assertTrue(second.containsKey(Address.ofLong(1)));
    assertTrue(Precompiles.forFork(Fork.OSAKA).containsKey(Address.ofLong(1)));
  }

  @Test
  void namesAreDistinct() {
    Map<Address, PrecompiledContract> osaka = Precompiles.forFork(Fork.OSAKA);
    assertEquals(osaka.size(), osaka.values().stream().map(PrecompiledContract::name).distinct().count());
  }
}
