package io.nativerollups.evm.block;

import io.nativerollups.evm.types.Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What block validation needs to know about a chain: its id, the EIP-6110 deposit contract and the
 * fork schedule by timestamp (all forks here are timestamp-activated).
 *
 * @param activations the schedule; the first entry must activate at timestamp 0
 */
public record ChainConfig(long chainId, Address depositContract, List<ForkActivation> activations) {
  /** The mainnet deposit contract, which the test networks also use. */
  public static final Address MAINNET_DEPOSIT_CONTRACT = Address.fromHex("0x00000000219ab540356cbb839cbe05303d7705fa");

  public ChainConfig {
    List<ForkActivation> sorted = new ArrayList<>(activations);
    sorted.sort(Comparator.comparingLong(ForkActivation::timestamp));
    if (sorted.isEmpty() || sorted.get(0).timestamp() != 0) {
      throw new IllegalArgumentException("a fork schedule must start with a fork active at timestamp 0");
    }
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).rules().compareTo(sorted.get(i - 1).rules()) < 0) {
        throw new IllegalArgumentException("fork " + sorted.get(i).name() + " activates after the later fork "
            + sorted.get(i - 1).name());
      }
    }
    activations = List.copyOf(sorted);
  }

  /** The fork in force for a block with {@code timestamp} (unsigned). */
  public ForkActivation forkAt(long timestamp) {
    ForkActivation active = activations.get(0);
    for (ForkActivation a : activations) {
      if (Long.compareUnsigned(a.timestamp(), timestamp) <= 0) {
        active = a;
      }
    }
    return active;
  }
}
