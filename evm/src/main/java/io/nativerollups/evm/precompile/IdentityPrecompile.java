package io.nativerollups.evm.precompile;

/** IDENTITY at 0x04: returns a copy of its input; 15 gas plus 3 per word. */
public final class IdentityPrecompile extends WordPricedPrecompile {

  public IdentityPrecompile() {
    super(15, 3);
  }

  @Override
  public String name() {
    return "ID";
  }

  @Override
  public byte[] compute(byte[] input) {
    return input.clone();
  }
}
