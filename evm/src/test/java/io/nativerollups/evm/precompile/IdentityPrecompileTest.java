package io.nativerollups.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class IdentityPrecompileTest {
  private static final IdentityPrecompile IDENTITY = new IdentityPrecompile();

  @Test
  void returnsACopyOfItsInput() {
    byte[] input = {0, (byte) 0xff, 0x10};
    byte[] out = IDENTITY.compute(input);
    assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, out);
    assertNotSame(input, out);
    assertArrayEquals(new byte[0], IDENTITY.compute(new byte[0]));
  }

  @Test
  void costs15Plus3PerWord() {
    assertEquals(15, IDENTITY.gasRequirement(new byte[0]));
    assertEquals(18, IDENTITY.gasRequirement(new byte[32]));
    assertEquals(21, IDENTITY.gasRequirement(new byte[33]));
    assertEquals(15 + 3 * 1000, IDENTITY.gasRequirement(new byte[32_000]));
  }
}
