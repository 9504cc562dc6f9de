package io.nativerollups.evm.precompile;

/** A precompile priced {@code baseGas + gasPerWord * ceil(len / 32)}, as the hashing ones are. */
abstract class WordPricedPrecompile implements PrecompiledContract {
  private final long baseGas;
  private final long gasPerWord;

  WordPricedPrecompile(long baseGas, long gasPerWord) {
    this.baseGas = baseGas;
    this.gasPerWord = gasPerWord;
  }

  @Override
  public final long gasRequirement(byte[] input) {
    // input.length < 2^31, so this cannot overflow.
    return baseGas + gasPerWord * ((input.length + 31L) / 32);
  }
}
